// The tagger's hottest loop in C++ (src/core/entities/features.ts, addWeights): the weights of each
// character's features, looked up in the model's open-addressing table behind its Bloom filter
// (src/core/entities/keyFilter.ts) and added to the character's scores: the same table, filter and sums as
// the JavaScript loop it replaces. The table is megabytes and features land anywhere in it, so each lookup
// waited for memory in turn; here the filter word and the table slot are fetched ahead, many at once.
#include <node_api.h>
#include <stdint.h>

// A hint to fetch the cache line of p (GCC and Clang; MSVC on x64 and on ARM64).
#if defined(_MSC_VER) && defined(_M_ARM64)
#include <intrin.h>
#define PREFETCH(p) __prefetch(p)
#elif defined(_MSC_VER)
#include <xmmintrin.h>
#define PREFETCH(p) _mm_prefetch(reinterpret_cast<const char*>(p), _MM_HINT_T0)
#else
#define PREFETCH(p) __builtin_prefetch(p)
#endif

namespace {

template <typename T>
bool View(napi_env env, napi_value value, napi_typedarray_type want, T** data, size_t* length) {
  bool is = false;
  if (napi_is_typedarray(env, value, &is) != napi_ok || !is) return false;
  napi_typedarray_type type;
  void* raw = nullptr;
  if (napi_get_typedarray_info(env, value, &type, length, &raw, nullptr, nullptr) != napi_ok || type != want) return false;
  *data = static_cast<T*>(raw);
  return true;
}

bool Uint(napi_env env, napi_value value, uint32_t* out) {
  return napi_get_value_uint32(env, value, out) == napi_ok;
}

napi_value Fail(napi_env env, const char* message) {
  napi_throw_range_error(env, nullptr, message);
  return nullptr;
}

// Features this far ahead have their table slot fetched; twice as far ahead, their filter word.
const size_t AHEAD = 16;

}  // namespace

// addWeights(features: Int32Array, from, chars, perChar, sums: Float32Array, at, tags,
//            filter: Int32Array, shift, keys: Int32Array, weights: Int16Array, stride)
// For character i < chars, adds to sums[at + i * tags + t] (t < tags) the weights of the features
// features[from + i * perChar …] that the table holds: keys[slot] is a feature (0 empty), its weights
// weights[slot * stride + t].
napi_value AddWeights(napi_env env, napi_callback_info info) {
  size_t argc = 12;
  napi_value argv[12];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  int32_t* features;
  float* sums;
  int32_t* filter;
  int32_t* keys;
  int16_t* weights;
  size_t featuresLength, sumsLength, filterLength, keysLength, weightsLength;
  uint32_t from, chars, perChar, at, tags, shift, stride;
  if (argc < 12 ||
      !View(env, argv[0], napi_int32_array, &features, &featuresLength) ||
      !Uint(env, argv[1], &from) || !Uint(env, argv[2], &chars) || !Uint(env, argv[3], &perChar) ||
      !View(env, argv[4], napi_float32_array, &sums, &sumsLength) ||
      !Uint(env, argv[5], &at) || !Uint(env, argv[6], &tags) ||
      !View(env, argv[7], napi_int32_array, &filter, &filterLength) ||
      !Uint(env, argv[8], &shift) ||
      !View(env, argv[9], napi_int32_array, &keys, &keysLength) ||
      !View(env, argv[10], napi_int16_array, &weights, &weightsLength) ||
      !Uint(env, argv[11], &stride)) {
    return Fail(env, "addWeights: bad arguments");
  }
  // Every index below stays inside its array.
  if (tags == 0 || tags > 8 || stride < tags || keysLength == 0 || (keysLength & (keysLength - 1)) != 0 ||
      weightsLength < keysLength * stride || shift == 0 || shift > 31 || filterLength != (size_t(1) << (32 - shift)) ||
      size_t(from) + size_t(chars) * perChar > featuresLength || size_t(at) + size_t(chars) * tags > sumsLength) {
    return Fail(env, "addWeights: arrays and sizes do not match");
  }
  const uint32_t mask = static_cast<uint32_t>(keysLength - 1);
  const int32_t* all = features + from;
  const size_t total = size_t(chars) * perChar;
  auto filterWord = [&](uint32_t u) { return filter + ((u * 0x9e3779b1u) >> shift); };
  auto passes = [&](uint32_t u) {
    const uint32_t bits = (1u << (u & 31)) | (1u << ((u >> 5) & 31));
    return (static_cast<uint32_t>(*filterWord(u)) & bits) == bits;
  };
  auto fetchSlot = [&](size_t k) {
    const uint32_t u = static_cast<uint32_t>(all[k]);
    if (!passes(u)) return;
    PREFETCH(keys + (u & mask));
    PREFETCH(weights + size_t(u & mask) * stride);
  };
  for (size_t k = 0; k < total && k < AHEAD * 2; k++) PREFETCH(filterWord(static_cast<uint32_t>(all[k])));
  for (size_t k = 0; k < total && k < AHEAD; k++) fetchSlot(k);
  size_t k = 0;
  for (uint32_t i = 0; i < chars; i++) {
    float* out = sums + at + size_t(i) * tags;
    double sum[8];  // as JavaScript adds: in doubles, stored as float32
    for (uint32_t t = 0; t < tags; t++) sum[t] = out[t];
    for (uint32_t j = 0; j < perChar; j++, k++) {
      if (k + AHEAD * 2 < total) PREFETCH(filterWord(static_cast<uint32_t>(all[k + AHEAD * 2])));
      if (k + AHEAD < total) fetchSlot(k + AHEAD);
      const int32_t key = all[k];
      const uint32_t u = static_cast<uint32_t>(key);
      if (!passes(u)) continue;
      uint32_t slot = u & mask;
      int32_t found = keys[slot];
      while (found != key && found != 0) {
        slot = (slot + 1) & mask;
        found = keys[slot];
      }
      if (found == 0) continue;
      const int16_t* w = weights + size_t(slot) * stride;
      for (uint32_t t = 0; t < tags; t++) sum[t] += w[t];
    }
    for (uint32_t t = 0; t < tags; t++) out[t] = static_cast<float>(sum[t]);
  }
  return nullptr;
}
