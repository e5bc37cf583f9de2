// cppjieba's DictTrie (include/cppjieba/DictTrie.hpp of cppjieba as shipped in nodejieba 3.5.8; MIT licence,
// Copyright (c) 2013 Yanyi Wu, see node_modules/nodejieba/submodules/cppjieba/LICENSE), changed only in how it
// loads, for a faster start: the dictionary is read in one piece and parsed in place instead of line by line
// into temporary strings; the entries are never moved once read (cppjieba copied all 350 K of them twice);
// the median weight is found on the weights alone instead of a sorted copy of every entry; and the trie
// (Biaozhu's native/Trie.hpp) is built from the entries themselves in one pass instead of copies of their
// words one by one. The entries, their weights and every lookup are the same. native/jieba.cc includes this
// file before any other cppjieba header; the include guard is cppjieba's, so theirs is skipped.
#ifndef CPPJIEBA_DICT_TRIE_HPP
#define CPPJIEBA_DICT_TRIE_HPP

#include <iostream>
#include <fstream>
#include <map>
#include <string>
#include <cstring>
#include <cstdlib>
#include <stdint.h>
#include <cmath>
#include <limits>
#include <algorithm>
#include <iterator>
#include "limonp/StringUtil.hpp"
#include "limonp/Logging.hpp"
#include "cppjieba/Unicode.hpp"
#include "Trie.hpp"  // Biaozhu's (native/Trie.hpp), before cppjieba's

namespace cppjieba {

using namespace limonp;

const double MIN_DOUBLE = -3.14e+100;
const double MAX_DOUBLE = 3.14e+100;
const char* const UNKNOWN_TAG = "";

class DictTrie {
 public:
  enum UserWordWeightOption {
    WordWeightMin,
    WordWeightMedian,
    WordWeightMax,
  }; // enum UserWordWeightOption

  DictTrie(const string& dict_path, const string& user_dict_paths = "", UserWordWeightOption user_word_weight_opt = WordWeightMedian) {
    Init(dict_path, user_dict_paths, user_word_weight_opt);
  }

  ~DictTrie() {
    delete trie_;
  }

  bool InsertUserWord(const string& word, const string& tag = UNKNOWN_TAG) {
    DictUnit node_info;
    if (!MakeNodeInfo(node_info, word, user_word_default_weight_, tag)) {
      return false;
    }
    active_node_infos_.push_back(node_info);
    trie_->InsertNode(node_info.word, &active_node_infos_.back());
    return true;
  }

  bool InsertUserWord(const string& word,int freq, const string& tag = UNKNOWN_TAG) {
    DictUnit node_info;
    double weight = freq ? log(1.0 * freq / freq_sum_) : user_word_default_weight_ ;
    if (!MakeNodeInfo(node_info, word, weight , tag)) {
      return false;
    }
    active_node_infos_.push_back(node_info);
    trie_->InsertNode(node_info.word, &active_node_infos_.back());
    return true;
  }

  bool DeleteUserWord(const string& word, const string& tag = UNKNOWN_TAG) {
    DictUnit node_info;
    if (!MakeNodeInfo(node_info, word, user_word_default_weight_, tag)) {
      return false;
    }
    trie_->DeleteNode(node_info.word, &node_info);
    return true;
  }
  
  const DictUnit* Find(RuneStrArray::const_iterator begin, RuneStrArray::const_iterator end) const {
    return trie_->Find(begin, end);
  }

  void Find(RuneStrArray::const_iterator begin, 
        RuneStrArray::const_iterator end, 
        vector<struct Dag>&res,
        size_t max_word_len = MAX_WORD_LENGTH) const {
    trie_->Find(begin, end, res, max_word_len);
  }

  bool Find(const string& word)
  {
    const DictUnit *tmp = NULL;
    RuneStrArray runes;
    if (!DecodeUTF8RunesInString(word, runes))
    {
      XLOG(ERROR) << "Decode failed.";
    }
    tmp = Find(runes.begin(), runes.end());
    if (tmp == NULL)
    {
      return false;
    }
    else
    {
      return true;
    }
  }

  bool IsUserDictSingleChineseWord(const Rune& word) const {
    return IsIn(user_dict_single_chinese_word_, word);
  }

  double GetMinWeight() const {
    return min_weight_;
  }

  void InserUserDictNode(const string& line) {
    vector<string> buf;
    DictUnit node_info;
    Split(line, buf, " ");
    if(buf.size() == 1){
          MakeNodeInfo(node_info, 
                buf[0], 
                user_word_default_weight_,
                UNKNOWN_TAG);
        } else if (buf.size() == 2) {
          MakeNodeInfo(node_info, 
                buf[0], 
                user_word_default_weight_,
                buf[1]);
        } else if (buf.size() == 3) {
          int freq = atoi(buf[1].c_str());
          assert(freq_sum_ > 0.0);
          double weight = log(1.0 * freq / freq_sum_);
          MakeNodeInfo(node_info, buf[0], weight, buf[2]);
        }
        static_node_infos_.push_back(node_info);
        if (node_info.word.size() == 1) {
          user_dict_single_chinese_word_.insert(node_info.word[0]);
        }
  }
  
  void LoadUserDict(const vector<string>& buf) {
    for (size_t i = 0; i < buf.size(); i++) {
      InserUserDictNode(buf[i]);
    }
  }

   void LoadUserDict(const set<string>& buf) {
    std::set<string>::const_iterator iter;
    for (iter = buf.begin(); iter != buf.end(); iter++){
      InserUserDictNode(*iter);
    }
  }

  void LoadUserDict(const string& filePaths) {
    vector<string> files = limonp::Split(filePaths, "|;");
    for (size_t i = 0; i < files.size(); i++) {
      ifstream ifs(files[i].c_str());
      XCHECK(ifs.is_open()) << "open " << files[i] << " failed"; 
      string line;
      
      while(getline(ifs, line)) {
        if (line.size() == 0) {
          continue;
        }
        InserUserDictNode(line);
      }
    }
  }


 private:
  void Init(const string& dict_path, const string& user_dict_paths, UserWordWeightOption user_word_weight_opt) {
    // The user dictionaries are read first, so that room for their words is reserved with the main
    // dictionary's and no entry ever moves (each is 128 bytes, 350 K of them; cppjieba moved them all when
    // the user words came, then copied them again to trim spare room). Empty lines are skipped, as
    // LoadUserDict(paths) skips them.
    vector<string> userLines;
    if (user_dict_paths.size()) {
      vector<string> files = limonp::Split(user_dict_paths, "|;");
      for (size_t i = 0; i < files.size(); i++) {
        ifstream ifs(files[i].c_str());
        XCHECK(ifs.is_open()) << "open " << files[i] << " failed";
        string line;
        while (getline(ifs, line)) {
          if (line.size()) userLines.push_back(line);
        }
      }
    }
    LoadDict(dict_path, userLines.size());
    freq_sum_ = CalcFreqSum(static_node_infos_);
    CalculateWeight(static_node_infos_, freq_sum_);
    SetStaticWordWeights(user_word_weight_opt);
    LoadUserDict(userLines);
    CreateTrie(static_node_infos_);
  }
  
  void CreateTrie(const vector<DictUnit>& dictUnits) {
    assert(dictUnits.size());
    trie_ = new Trie(dictUnits);
  }

  bool MakeNodeInfo(DictUnit& node_info,
        const string& word, 
        double weight, 
        const string& tag) {
    if (!DecodeUTF8RunesInString(word, node_info.word)) {
      XLOG(ERROR) << "UTF-8 decode failed for dict word: " << word;
      return false;
    }
    node_info.weight = weight;
    node_info.tag = tag;
    return true;
  }

  void LoadDict(const string& filePath, size_t more) {
    ifstream ifs(filePath.c_str(), ios::binary);
    XCHECK(ifs.is_open()) << "open " << filePath << " failed.";
    const string text((istreambuf_iterator<char>(ifs)), istreambuf_iterator<char>());
    static_node_infos_.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1 + more);
    string number;
    for (size_t at = 0; at < text.size();) {
      size_t end = text.find('\n', at);
      if (end == string::npos) end = text.size();
      // `word freq tag`, split at single spaces as limonp::Split(line, buf, " ") does.
      const size_t sp1 = text.find(' ', at);
      const size_t sp2 = sp1 < end ? text.find(' ', sp1 + 1) : string::npos;
      XCHECK(sp1 < end && sp2 < end && text.find(' ', sp2 + 1) >= end) << "split result illegal, line:" << text.substr(at, end - at);
      static_node_infos_.emplace_back();
      DictUnit& unit = static_node_infos_.back();
      number.assign(text, sp1 + 1, sp2 - sp1 - 1);
      if (!DecodeUTF8RunesInString(text.data() + at, sp1 - at, unit.word)) {
        XLOG(ERROR) << "UTF-8 decode failed for dict word: " << text.substr(at, sp1 - at);
      }
      unit.weight = atof(number.c_str());
      unit.tag.assign(text, sp2 + 1, end - sp2 - 1);
      at = end + 1;
    }
  }

  void SetStaticWordWeights(UserWordWeightOption option) {
    XCHECK(!static_node_infos_.empty());
    vector<double> x(static_node_infos_.size());
    for (size_t i = 0; i < x.size(); i++) x[i] = static_node_infos_[i].weight;
    sort(x.begin(), x.end());
    min_weight_ = x[0];
    max_weight_ = x[x.size() - 1];
    median_weight_ = x[x.size() / 2];
    switch (option) {
     case WordWeightMin:
       user_word_default_weight_ = min_weight_;
       break;
     case WordWeightMedian:
       user_word_default_weight_ = median_weight_;
       break;
     default:
       user_word_default_weight_ = max_weight_;
       break;
    }
  }

  double CalcFreqSum(const vector<DictUnit>& node_infos) const {
    double sum = 0.0;
    for (size_t i = 0; i < node_infos.size(); i++) {
      sum += node_infos[i].weight;
    }
    return sum;
  }

  void CalculateWeight(vector<DictUnit>& node_infos, double sum) const {
    assert(sum > 0.0);
    for (size_t i = 0; i < node_infos.size(); i++) {
      DictUnit& node_info = node_infos[i];
      assert(node_info.weight > 0.0);
      node_info.weight = log(double(node_info.weight)/sum);
    }
  }


  vector<DictUnit> static_node_infos_;
  deque<DictUnit> active_node_infos_; // must not be vector
  Trie * trie_;

  double freq_sum_;
  double min_weight_;
  double max_weight_;
  double median_weight_;
  double user_word_default_weight_;
  unordered_set<Rune> user_dict_single_chinese_word_;
};
}

#endif
