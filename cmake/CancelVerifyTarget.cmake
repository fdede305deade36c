# CancelVerifyTarget.cmake: cancel_verify_target(), which runs CancelVerify
# on a target's C and C++ sources as they compile. Included by
# CancelVerifyConfig.cmake, which sets CANCELVERIFY_PLUGIN,
# CANCELVERIFY_INCLUDE_DIR and CANCELVERIFY_LLVM_MAJOR first.
#
#   cancel_verify_target(<target>
#     [MODEL file...]                 model files (-cancel-verify-model)
#     [DIAG remark|warning|error]     how findings are reported (default warning)
#     [SARIF dir]                     one SARIF log per translation unit
#     [BASELINE file]                 report only findings not in the baseline
#     [OPTIONAL])                     warn and skip instead of failing when the
#                                     compiler cannot load the plugin
#
# Relative paths are taken from the calling CMakeLists.txt's directory.

# The languages of a target's sources that the plugin sees: C and C++.
function(_cancel_verify_source_languages target out)
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  set(langs)
  foreach(src IN LISTS sources)
    if(src MATCHES "^\\$<")
      continue()
    endif()
    get_source_file_property(lang "${src}" TARGET_DIRECTORY ${target} LANGUAGE)
    if(NOT lang)
      get_filename_component(ext "${src}" LAST_EXT)
      string(SUBSTRING "${ext}" 1 -1 ext)
      foreach(candidate C CXX)
        if(ext IN_LIST CMAKE_${candidate}_SOURCE_FILE_EXTENSIONS)
          set(lang ${candidate})
        endif()
      endforeach()
    endif()
    if(lang MATCHES "^(C|CXX)$" AND NOT lang IN_LIST langs)
      list(APPEND langs ${lang})
    endif()
  endforeach()
  set(${out} ${langs} PARENT_SCOPE)
endfunction()

function(cancel_verify_target target)
  cmake_parse_arguments(PARSE_ARGV 1 CV "OPTIONAL" "DIAG;SARIF;BASELINE"
    "MODEL")
  if(CV_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "cancel_verify_target(${target}): unknown arguments "
      "'${CV_UNPARSED_ARGUMENTS}'; it takes MODEL file..., DIAG "
      "remark|warning|error, SARIF dir, BASELINE file and OPTIONAL")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "cancel_verify_target: '${target}' is not a target")
  endif()
  if(NOT DEFINED CV_DIAG)
    set(CV_DIAG warning)
  endif()
  if(NOT CV_DIAG MATCHES "^(remark|warning|error)$")
    message(FATAL_ERROR "cancel_verify_target(${target}): DIAG '${CV_DIAG}' "
      "is not one of remark, warning, error")
  endif()

  # The plugin runs only inside clang of its own LLVM major.
  _cancel_verify_source_languages(${target} langs)
  set(mismatches)
  foreach(lang IN LISTS langs)
    if(NOT CMAKE_${lang}_COMPILER_ID STREQUAL "Clang"
       OR NOT CMAKE_${lang}_COMPILER_VERSION MATCHES "^${CANCELVERIFY_LLVM_MAJOR}\\.")
      list(APPEND mismatches
        "the ${lang} compiler is ${CMAKE_${lang}_COMPILER_ID} ${CMAKE_${lang}_COMPILER_VERSION} (${CMAKE_${lang}_COMPILER})")
    endif()
  endforeach()
  if(mismatches)
    list(JOIN mismatches " and " mismatches)
    set(msg "cancel_verify_target(${target}): CancelVerify for LLVM "
      "${CANCELVERIFY_LLVM_MAJOR} runs only in clang ${CANCELVERIFY_LLVM_MAJOR}, "
      "but ${mismatches}. Configure with "
      "-DCMAKE_C_COMPILER=clang-${CANCELVERIFY_LLVM_MAJOR} "
      "-DCMAKE_CXX_COMPILER=clang++-${CANCELVERIFY_LLVM_MAJOR}")
    if(CV_OPTIONAL)
      message(WARNING ${msg} ". '${target}' is built without CancelVerify "
        "(OPTIONAL).")
      return()
    endif()
    message(FATAL_ERROR ${msg} ", or pass OPTIONAL to build without it.")
  endif()
  if(NOT langs)
    message(WARNING "cancel_verify_target(${target}): the target has no C "
      "or C++ sources; nothing to check")
    return()
  endif()

  set(plugin "${CANCELVERIFY_PLUGIN}")
  set(flags "-fpass-plugin=${plugin}")
  if(CANCELVERIFY_LLVM_MAJOR LESS 21)
    # clang 19 parses -mllvm before it loads -fpass-plugin; -fplugin loads
    # the same library earlier so the -cancel-verify-* options exist by then.
    list(PREPEND flags "-fplugin=${plugin}")
  endif()
  set(mllvm)
  list(APPEND mllvm "-cancel-verify-diag=${CV_DIAG}")
  if(CV_DIAG STREQUAL "remark")
    list(APPEND flags "-Rpass-missed=cancel-verify")
  endif()
  set(inputs)
  foreach(model IN LISTS CV_MODEL)
    get_filename_component(model "${model}" ABSOLUTE
      BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    if(NOT EXISTS "${model}")
      message(FATAL_ERROR "cancel_verify_target(${target}): model file "
        "'${model}' does not exist")
    endif()
    list(APPEND mllvm "-cancel-verify-model=${model}")
    list(APPEND inputs "${model}")
  endforeach()
  if(DEFINED CV_SARIF)
    get_filename_component(sarif "${CV_SARIF}" ABSOLUTE
      BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
    file(MAKE_DIRECTORY "${sarif}")
    list(APPEND mllvm "-cancel-verify-sarif-dir=${sarif}")
  endif()
  if(DEFINED CV_BASELINE)
    get_filename_component(baseline "${CV_BASELINE}" ABSOLUTE
      BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND mllvm "-cancel-verify-baseline=${baseline}")
    if(EXISTS "${baseline}")
      list(APPEND inputs "${baseline}")
    endif()
  endif()
  # SHELL: keeps each -mllvm beside its value when CMake removes duplicate
  # options.
  foreach(option IN LISTS mllvm)
    list(APPEND flags "SHELL:-mllvm ${option}")
  endforeach()

  foreach(flag IN LISTS flags)
    target_compile_options(${target} PRIVATE
      "$<$<COMPILE_LANGUAGE:C,CXX>:${flag}>")
  endforeach()
  target_include_directories(${target} PRIVATE "${CANCELVERIFY_INCLUDE_DIR}")

  # Recompile when the plugin, a model file or the baseline changes: they
  # decide the findings as much as the sources do.
  get_target_property(sources ${target} SOURCES)
  list(FILTER sources EXCLUDE REGEX "^\\$<")
  if(sources)
    set_property(SOURCE ${sources} TARGET_DIRECTORY ${target} APPEND
      PROPERTY OBJECT_DEPENDS "${plugin}" ${inputs})
  endif()
endfunction()
