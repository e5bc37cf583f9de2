{
  "targets": [
    {
      "target_name": "biaozhu_jieba",
      "sources": ["jieba.cc", "weights.cc"],
      "include_dirs": [
        "../node_modules/nodejieba/submodules/cppjieba/include",
        "../node_modules/nodejieba/submodules/cppjieba/deps/limonp/include"
      ],
      "defines": ["LOGGING_LEVEL=LL_WARNING", "NAPI_VERSION=8"],
      "cflags!": ["-fno-exceptions"],
      "cflags_cc!": ["-fno-exceptions"],
      "cflags_cc": ["-std=c++14", "-O3"],
      "xcode_settings": { "GCC_ENABLE_CPP_EXCEPTIONS": "YES", "OTHER_CPLUSPLUSFLAGS": ["-std=c++14", "-O3"] },
      "msvs_settings": { "VCCLCompilerTool": { "ExceptionHandling": 1, "AdditionalOptions": ["/std:c++14", "/utf-8"] } }
    }
  ]
}
