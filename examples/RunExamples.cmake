# RunExamples.cmake: the run-examples target's script. Compiles every bundled
# example with the plugin and prints what CancelVerify says of them in two
# parts: the findings (the bugs the buggy examples exist to show), then the
# "verified" remarks that say why the fixed code is correct. A part lists
# only the files that have something in it. Findings never fail the target.
#
#   cmake -DCLANG=... -DCLANG_FLAGS=... -DEXAMPLES=... [-DSHOW_VERIFIED=OFF]
#         -P RunExamples.cmake        (run in examples/)

# Runs clang on every example with REMARK_FLAGS; prints each file's remarks
# under its name and counts them into OUT_COUNT.
function(run_part remark_flags out_count)
  set(count 0)
  foreach(example IN LISTS EXAMPLES)
    set(lang_flags)
    if(example MATCHES "\\.cpp$")
      set(lang_flags -std=c++20)
    endif()
    execute_process(
      COMMAND ${CLANG} ${CLANG_FLAGS} ${remark_flags} ${lang_flags} ${example}
      RESULT_VARIABLE rc
      ERROR_VARIABLE remarks
      OUTPUT_QUIET)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "clang failed on ${example}:\n${remarks}")
    endif()
    string(STRIP "${remarks}" remarks)
    if(remarks)
      string(REGEX MATCHALL "remark: " found "${remarks}")
      list(LENGTH found n)
      math(EXPR count "${count} + ${n}")
      message("-- ${example}\n${remarks}")
    endif()
  endforeach()
  set(${out_count} ${count} PARENT_SCOPE)
endfunction()

message("== Findings: the bugs in the examples")
run_part("-Rpass-missed=cancel-verify;-Rpass-analysis=cancel-verify" findings)
set(verified 0)
if(NOT SHOW_VERIFIED STREQUAL "OFF")
  message("\n== Verified: why the fixed code is correct")
  run_part("-Rpass=cancel-verify" verified)
endif()
list(LENGTH EXAMPLES files)
message("\n${findings} findings and ${verified} verified remarks in ${files} files")
