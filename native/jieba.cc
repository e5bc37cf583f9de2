// Biaozhu's word segmenter: cppjieba (the engine inside nodejieba, whose headers and dictionaries it uses)
// behind a smaller binding. nodejieba's load() builds the 350 K-word dictionary trie twice (a second time for
// a TextRank extractor Biaozhu never calls) and reads a keyword idf table; this builds exactly what `cut` with
// HMM needs, once per process: worker threads share the read-only trie, so a second thread starts at once.
// `cut` reads the text as UTF-16 (no UTF-8 copy) and returns word boundaries as UTF-16 offsets (a Uint32Array)
// instead of one JS string per word. The trie is Biaozhu's (native/Trie.hpp): flat arrays instead of a hash
// map per node, with the same words and lookups; cuts are 2.5× faster than cppjieba's own.
// `startLoad` builds it on a thread of its own, so a caller can load other things meanwhile.
#include <node_api.h>

#include <future>
#include <mutex>
#include <string>
#include <vector>

// Biaozhu's copies of cppjieba's DictTrie and Trie (faster to load and to search, same words) first: their
// include guards keep cppjieba's out.
#include "DictTrie.hpp"
#include "cppjieba/HMMModel.hpp"
#include "cppjieba/MixSegment.hpp"

namespace {

// cppjieba's mixed segmenter, with its sentence separators (a protected member) copied out for Cut below.
struct Mix : cppjieba::MixSegment {
  std::vector<cppjieba::Rune> separators;
  Mix(const cppjieba::DictTrie* trie, const cppjieba::HMMModel* model)
      : MixSegment(trie, model), separators(symbols_.begin(), symbols_.end()) {}
  bool IsSeparator(cppjieba::Rune r) const {
    for (cppjieba::Rune s : separators) if (s == r) return true;
    return false;
  }
};

struct Segmenter {
  cppjieba::DictTrie trie;
  cppjieba::HMMModel model;
  Mix mix;
  Segmenter(const std::string& dict, const std::string& hmm, const std::string& user)
      : trie(dict, user), model(hmm), mix(&trie, &model) {}
};

std::mutex loading;
// Never freed: the segmenter lives as long as the process, shared by every thread that loaded the addon.
std::shared_future<const Segmenter*> building;
std::string buildingKey;

napi_value Throw(napi_env env, const char* message) {
  napi_throw_error(env, nullptr, message);
  return nullptr;
}

bool StringArg(napi_env env, napi_value value, std::string& out) {
  size_t length = 0;
  if (napi_get_value_string_utf8(env, value, nullptr, 0, &length) != napi_ok) return false;
  out.resize(length);
  size_t written = 0;
  if (napi_get_value_string_utf8(env, value, &out[0], length + 1, &written) != napi_ok) return false;
  out.resize(written);
  return true;
}

// Starts building the segmenter from (dictPath, hmmPath, userDictPath) unless it is built or being built;
// returns false (with a JS error thrown) for bad arguments or other paths than the first load's.
bool Start(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  std::string dict, hmm, user;
  if (argc < 3 || !StringArg(env, argv[0], dict) || !StringArg(env, argv[1], hmm) || !StringArg(env, argv[2], user)) {
    Throw(env, "load(dictPath, hmmPath, userDictPath) takes three strings");
    return false;
  }
  const std::string key = dict + '\n' + hmm + '\n' + user;
  std::lock_guard<std::mutex> lock(loading);
  if (building.valid()) {
    if (buildingKey == key) return true;
    Throw(env, "the segmenter is already loaded with other dictionaries");
    return false;
  }
  buildingKey = key;
  building = std::async(std::launch::async, [dict, hmm, user]() -> const Segmenter* {
    return new Segmenter(dict, hmm, user);
  }).share();
  return true;
}

napi_value Undefined(napi_env env) {
  napi_value result;
  napi_get_undefined(env, &result);
  return result;
}

// startLoad(dictPath, hmmPath, userDictPath): begins the build and returns at once. The caller checks the
// files exist (cppjieba aborts the process on a missing file).
napi_value StartLoad(napi_env env, napi_callback_info info) {
  return Start(env, info) ? Undefined(env) : nullptr;
}

// The segmenter, waiting for its build if one was started; nullptr if none was.
const Segmenter* Ready() {
  std::shared_future<const Segmenter*> done;
  {
    std::lock_guard<std::mutex> lock(loading);
    done = building;
  }
  return done.valid() ? done.get() : nullptr;
}

// load(dictPath, hmmPath, userDictPath): startLoad, then waits until the segmenter is built (at once when
// it already is). Other paths than the first load's are refused: the segmenter is shared.
napi_value Load(napi_env env, napi_callback_info info) {
  if (!Start(env, info)) return nullptr;
  Ready();
  return Undefined(env);
}

// cut(text): Uint32Array [start0, end0, start1, end1, …] of the words of `text` (jieba's mixed segmentation
// with HMM, as nodejieba.cut(text, true)), in UTF-16 code units of `text`.
napi_value Cut(napi_env env, napi_callback_info info) {
  const Segmenter* segmenter = Ready();
  if (!segmenter) return Throw(env, "call load() or startLoad() before cut()");
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  size_t length = 0;
  if (argc < 1 || napi_get_value_string_utf16(env, argv[0], nullptr, 0, &length) != napi_ok) return Throw(env, "cut(text) takes a string");
  std::vector<char16_t> text(length + 1);
  napi_get_value_string_utf16(env, argv[0], text.data(), length + 1, &length);

  // The text's code points, each with its UTF-16 offset and length where cppjieba keeps UTF-8 ones: the
  // segmenter reads only the code points, and word boundaries come out in the units JavaScript counts.
  // A lone surrogate is U+FFFD, as it is in the UTF-8 that nodejieba hands cppjieba.
  cppjieba::RuneStrArray runes;
  runes.reserve(length);
  for (uint32_t i = 0; i < length;) {
    const char16_t c = text[i];
    uint32_t rune = c, len = 1;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
      rune = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
      len = 2;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      rune = 0xFFFD;
    }
    runes.push_back(cppjieba::RuneStr(rune, i, len, static_cast<uint32_t>(runes.size()), 1));
    i += len;
  }

  // MixSegment::Cut(string) without the UTF-8: the runs between separators (each separator a run of its
  // own, as cppjieba's PreFilter splits them), each cut with HMM.
  std::vector<cppjieba::WordRange> words;
  words.reserve(runes.size() / 2);
  for (auto at = runes.begin(); at != runes.end();) {
    auto end = at;
    while (end != runes.end() && !segmenter->mix.IsSeparator(end->rune)) ++end;
    if (end == at) ++end;
    segmenter->mix.Cut(at, end, words, true);
    at = end;
  }

  napi_value buffer, array;
  void* data = nullptr;
  const size_t count = words.size() * 2;
  if (napi_create_arraybuffer(env, count * sizeof(uint32_t), &data, &buffer) != napi_ok) return Throw(env, "out of memory");
  uint32_t* out = static_cast<uint32_t*>(data);
  for (size_t i = 0; i < words.size(); i++) {
    out[2 * i] = words[i].left->offset;
    out[2 * i + 1] = words[i].right->offset + words[i].right->len;
  }
  napi_create_typedarray(env, napi_uint32_array, count, buffer, 0, &array);
  return array;
}

}  // namespace

napi_value AddWeights(napi_env env, napi_callback_info info);  // weights.cc

namespace {

napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor methods[] = {
      {"load", nullptr, Load, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"startLoad", nullptr, StartLoad, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"cut", nullptr, Cut, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"addWeights", nullptr, AddWeights, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, 4, methods);
  return exports;
}

}  // namespace

NAPI_MODULE_INIT() { return Init(env, exports); }
