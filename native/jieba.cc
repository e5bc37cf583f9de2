// Biaozhu's word segmenter: cppjieba (the engine inside nodejieba, whose headers and dictionaries it uses)
// behind a smaller binding. nodejieba's load() builds the 350 K-word dictionary trie twice (a second time for
// a TextRank extractor Biaozhu never calls) and reads a keyword idf table; this builds exactly what `cut` with
// HMM needs, once per process: worker threads share the read-only trie, so a second thread starts at once.
// `cut` returns word boundaries as UTF-16 offsets (a Uint32Array) instead of one JS string per word.
// `startLoad` builds it on a thread of its own, so a caller can load other things meanwhile.
#include <node_api.h>

#include <future>
#include <mutex>
#include <string>
#include <vector>

// Biaozhu's copy of cppjieba's DictTrie (faster to load, same trie) first: its include guard keeps theirs out.
#include "DictTrie.hpp"
#include "cppjieba/HMMModel.hpp"
#include "cppjieba/MixSegment.hpp"

namespace {

struct Segmenter {
  cppjieba::DictTrie trie;
  cppjieba::HMMModel model;
  cppjieba::MixSegment mix;
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
  std::string text;
  if (argc < 1 || !StringArg(env, argv[0], text)) return Throw(env, "cut(text) takes a string");

  std::vector<cppjieba::Word> words;
  segmenter->mix.Cut(text, words, true);

  napi_value buffer, array;
  void* data = nullptr;
  const size_t count = words.size() * 2;
  if (napi_create_arraybuffer(env, count * sizeof(uint32_t), &data, &buffer) != napi_ok) return Throw(env, "out of memory");
  uint32_t* out = static_cast<uint32_t*>(data);
  // Byte offsets of the UTF-8 text → UTF-16 offsets, walking the text once (words come in order).
  size_t byte = 0, unit = 0;
  auto advanceTo = [&](size_t target) {
    while (byte < target && byte < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[byte]);
      const size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      byte += len;
      unit += len == 4 ? 2 : 1;
    }
  };
  for (size_t i = 0; i < words.size(); i++) {
    advanceTo(words[i].offset);
    out[2 * i] = static_cast<uint32_t>(unit);
    advanceTo(words[i].offset + words[i].word.size());
    out[2 * i + 1] = static_cast<uint32_t>(unit);
  }
  napi_create_typedarray(env, napi_uint32_array, count, buffer, 0, &array);
  return array;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor methods[] = {
      {"load", nullptr, Load, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"startLoad", nullptr, StartLoad, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"cut", nullptr, Cut, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, 3, methods);
  return exports;
}

}  // namespace

NAPI_MODULE_INIT() { return Init(env, exports); }
