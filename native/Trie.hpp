// cppjieba's Trie (include/cppjieba/Trie.hpp of cppjieba as shipped in nodejieba 3.5.8; MIT licence,
// Copyright (c) 2013 Yanyi Wu, see node_modules/nodejieba/submodules/cppjieba/LICENSE), rebuilt for lookups:
// cppjieba keeps a hash map of children in every node, and walking it was half of a cut's time. Here the
// nodes sit in one array, breadth first, each node's children side by side and sorted by character, and the
// root's children are found by direct index. It holds the same words with the same values (the last entry
// of a word wins, as cppjieba's InsertNode overwrites), and Find gives the same DAG, in the same order.
// DictUnit and Dag are cppjieba's, unchanged. native/DictTrie.hpp includes this file; the include guard is
// cppjieba's, so theirs is skipped.
#ifndef CPPJIEBA_TRIE_HPP
#define CPPJIEBA_TRIE_HPP

#include <algorithm>
#include <deque>
#include <stdint.h>
#include <vector>
#include "limonp/StdExtension.hpp"
#include "cppjieba/Unicode.hpp"

namespace cppjieba {

using namespace std;

const size_t MAX_WORD_LENGTH = 512;

struct DictUnit {
  Unicode word;
  double weight;
  string tag;
}; // struct DictUnit

struct Dag {
  RuneStr runestr;
  // [offset, nexts.first]
  limonp::LocalVector<pair<size_t, const DictUnit*> > nexts;
  const DictUnit * pInfo;
  double weight;
  size_t nextPos; // TODO
  Dag():runestr(), pInfo(NULL), weight(0.0), nextPos(0) {
  }
}; // struct Dag

typedef Rune TrieKey;

class Trie {
 public:
  // The words are the entries' own (`DictUnit::word`): the trie keeps pointers to the entries, not copies.
  explicit Trie(const vector<DictUnit>& units) {
    entries_.reserve(units.size());
    for (size_t i = 0; i < units.size(); i++) entries_.push_back(&units[i]);
    Build();
  }

  const DictUnit* Find(RuneStrArray::const_iterator begin, RuneStrArray::const_iterator end) const {
    if (begin == end) {
      return NULL;
    }
    uint32_t node = 0;
    for (RuneStrArray::const_iterator it = begin; it != end; it++) {
      node = Child(node, it->rune);
      if (node == NONE) {
        return NULL;
      }
    }
    return nodes_[node].value;
  }

  void Find(RuneStrArray::const_iterator begin,
        RuneStrArray::const_iterator end,
        vector<struct Dag>&res,
        size_t max_word_len = MAX_WORD_LENGTH) const {
    res.resize(end - begin);
    const size_t n = end - begin;
    for (size_t i = 0; i < n; i++) {
      res[i].runestr = *(begin + i);
      uint32_t node = Child(0, res[i].runestr.rune);
      res[i].nexts.push_back(pair<size_t, const DictUnit*>(i, node == NONE ? NULL : nodes_[node].value));
      for (size_t j = i + 1; j < n && (j - i + 1) <= max_word_len; j++) {
        if (node == NONE || nodes_[node].count == 0) {
          break;
        }
        node = Child(node, (begin + j)->rune);
        if (node == NONE) {
          break;
        }
        if (NULL != nodes_[node].value) {
          res[i].nexts.push_back(pair<size_t, const DictUnit*>(j, nodes_[node].value));
        }
      }
    }
  }

  // One more entry (its word is `key`, as DictTrie::InsertUserWord passes it); the arrays are rebuilt.
  void InsertNode(const Unicode& key, const DictUnit* ptValue) {
    assert(ptValue->word.size() == key.size() && std::equal(key.begin(), key.end(), ptValue->word.begin()));
    if (key.begin() == key.end()) {
      return;
    }
    entries_.push_back(ptValue);
    Build();
  }

  // Removes the word `key` (DictTrie::DeleteUserWord; cppjieba's version dropped every word sharing its first
  // character, and Biaozhu calls neither).
  void DeleteNode(const Unicode& key, const DictUnit*) {
    vector<const DictUnit*> kept;
    for (size_t i = 0; i < entries_.size(); i++) {
      const Unicode& w = entries_[i]->word;
      if (!(w.size() == key.size() && std::equal(w.begin(), w.end(), key.begin()))) kept.push_back(entries_[i]);
    }
    entries_.swap(kept);
    Build();
  }

 private:
  enum : uint32_t {
    NONE = 0xFFFFFFFFu,
    DIRECT = 0x10000,  // characters of the Basic Multilingual Plane: the root's direct index
  };

  struct Node {
    uint32_t first;  // index of the first child; the children follow it, sorted by label
    uint32_t count;
    const DictUnit* value;
  };

  uint32_t Child(uint32_t node, Rune rune) const {
    if (node == 0 && rune < DIRECT) return root_[rune];
    const Node& at = nodes_[node];
    const Rune* from = &labels_[0] + at.first;
    const Rune* to = from + at.count;
    const Rune* found = std::lower_bound(from, to, rune);
    return found != to && *found == rune ? static_cast<uint32_t>(found - &labels_[0]) : NONE;
  }

  static bool WordLess(const DictUnit* a, const DictUnit* b) {
    return std::lexicographical_compare(a->word.begin(), a->word.end(), b->word.begin(), b->word.end());
  }

  // The arrays from the entries: sorted by word (stably, so the last of equal words is the latest entry),
  // then laid out breadth first, each node covering the run of sorted entries that share its prefix.
  void Build() {
    vector<const DictUnit*> sorted;
    sorted.reserve(entries_.size());
    for (size_t i = 0; i < entries_.size(); i++) {
      if (entries_[i]->word.size() > 0) sorted.push_back(entries_[i]);
    }
    std::stable_sort(sorted.begin(), sorted.end(), WordLess);
    nodes_.assign(1, Node{0, 0, NULL});
    labels_.assign(1, 0);
    struct Span { uint32_t node, lo, hi, depth; };
    std::deque<Span> todo;
    todo.push_back(Span{0, 0, static_cast<uint32_t>(sorted.size()), 0});
    while (!todo.empty()) {
      const Span s = todo.front();
      todo.pop_front();
      uint32_t lo = s.lo;
      // The words that end here come first in the run, all equal; the last is the latest entry.
      while (lo < s.hi && sorted[lo]->word.size() == s.depth) {
        nodes_[s.node].value = sorted[lo];
        lo++;
      }
      nodes_[s.node].first = static_cast<uint32_t>(nodes_.size());
      for (uint32_t at = lo; at < s.hi;) {
        const Rune label = sorted[at]->word[s.depth];
        uint32_t end = at + 1;
        while (end < s.hi && sorted[end]->word[s.depth] == label) end++;
        todo.push_back(Span{static_cast<uint32_t>(nodes_.size()), at, end, s.depth + 1});
        nodes_.push_back(Node{0, 0, NULL});
        labels_.push_back(label);
        nodes_[s.node].count++;
        at = end;
      }
    }
    root_.assign(DIRECT, NONE);
    for (uint32_t c = nodes_[0].first; c < nodes_[0].first + nodes_[0].count; c++) {
      if (labels_[c] < DIRECT) root_[labels_[c]] = c;
    }
  }

  vector<const DictUnit*> entries_;  // in insertion order
  vector<Node> nodes_;               // nodes_[0] is the root
  vector<Rune> labels_;              // labels_[i]: the character on the edge into node i
  vector<uint32_t> root_;            // root_[c]: the root's child for character c < DIRECT, or NONE
}; // class Trie
} // namespace cppjieba

#endif // CPPJIEBA_TRIE_HPP
