# CancelVerify's lit suite. Tests are C, C++ and IR files whose RUN lines run
# the verifier through clang and opt and FileCheck the remarks.
import os
import platform
import shutil
import lit.formats

config.name = "CancelVerify"
config.test_format = lit.formats.ShTest(not lit_config.isWindows)
config.suffixes = [".c", ".cpp", ".ll", ".test"]
config.excludes = ["Inputs", "tools", "CMakeLists.txt"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.cancelverify_obj_root, "test")

tools = config.llvm_tools_dir
config.environment["PATH"] = os.pathsep.join(
    [tools, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Remarks and diagnostics must not depend on the user's terminal or locale.
config.environment["LC_ALL"] = "C"

plugin = config.plugin
clang = os.path.join(tools, "clang")
# clang 19 parses -mllvm before it loads -fpass-plugin; -fplugin loads the
# same library earlier so the -cancel-verify-* options exist by then.
clang_cv = clang + " -fpass-plugin=" + plugin
if int(config.llvm_version_major) < 21:
    clang_cv = clang + " -fplugin=" + plugin + " -fpass-plugin=" + plugin

remarks = "%s %s --clang %s --opt %s --plugin %s --llvm-major %s" % (
    config.python,
    os.path.join(config.test_source_root, "tools", "cv-remarks.py"),
    clang, os.path.join(tools, "opt"), plugin, config.llvm_version_major)

config.substitutions.append(("%cv-remarks", remarks))
config.substitutions.append(("%clang_cv", clang_cv))
config.substitutions.append(("%clangxx", os.path.join(tools, "clang++")))
config.substitutions.append(("%clang", clang))
config.substitutions.append(
    ("%cv_opt", os.path.join(tools, "opt") + " -load-pass-plugin=" + plugin +
     " -passes=cancel-verify"))
config.substitutions.append(("%opt", os.path.join(tools, "opt")))
config.substitutions.append(("%plugin", plugin))
# The command-line verifier, for test/cli.
config.substitutions.append(("%cancel-verify", config.cancel_verify))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%examples", os.path.join(config.cancelverify_src_root, "examples")))
config.substitutions.append(("%include", os.path.join(config.cancelverify_src_root, "include")))
config.available_features.add("llvm-" + config.llvm_version_major)
# Tests of ABI lowering (structs split into several IR arguments) depend on
# the host target: REQUIRES: x86_64.
config.available_features.add(platform.machine())
# GCC has no annotate attribute: the tests of include/cancel_verify.h use it,
# where installed, as a compiler the macros must expand to nothing for.
gcc = shutil.which("gcc")
if gcc:
    config.available_features.add("gcc")
    config.substitutions.append(("%gcc", gcc))
# Linking with -flto needs lld, which the LLVM tools packages may lack.
if os.path.exists(os.path.join(tools, "ld.lld")):
    config.available_features.add("lld")

# The other supported LLVM, where installed: the plugin must refuse to load
# into it (test/registration/refuses-other-llvm.test).
for major in ("19", "22"):
    other = "/usr/lib/llvm-%s/bin" % major
    if major != config.llvm_version_major and os.path.exists(
            os.path.join(other, "opt")):
        config.available_features.add("other-llvm")
        config.substitutions.append(("%other_llvm_major", major))
        config.substitutions.append(("%other_opt", os.path.join(other, "opt")))
        config.substitutions.append(("%other_clang", os.path.join(other, "clang")))
        break
config.substitutions.append(("%llvm_major", config.llvm_version_major))

# test/install: the build tree installed and used by a user project.
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%cpack", config.cpack))
config.substitutions.append(("%cv_obj_root", config.cancelverify_obj_root))
config.substitutions.append(("%cv_src_root", config.cancelverify_src_root))
config.substitutions.append(("%host_cxx", config.cxx_compiler))
if shutil.which("dpkg-deb"):
    config.available_features.add("dpkg")

# CANCELVERIFY_SANITIZE: the plugin carries ASan and UBSan but opt and clang
# do not, so every command runs with the runtime of the compiler that built
# the plugin preloaded. LLVM's tools leak on purpose at exit, so leak checks
# are off; any other report aborts the process, which `not` and FileCheck
# treat as a failure, so a report cannot hide in a passing test.
sanitizer_runtime = getattr(config, "sanitizer_runtime", "")
fuzz_env = ""
if sanitizer_runtime:
    config.environment["LD_PRELOAD"] = sanitizer_runtime
    config.environment["ASAN_OPTIONS"] = \
        "detect_leaks=0:halt_on_error=1:abort_on_error=1"
    config.environment["UBSAN_OPTIONS"] = \
        "halt_on_error=1:print_stacktrace=1:abort_on_error=1"
    symbolizer = os.path.join(tools, "llvm-symbolizer")
    if os.path.exists(symbolizer):
        config.environment["ASAN_SYMBOLIZER_PATH"] = symbolizer
    config.available_features.add("sanitized")
    # The fuzzers link their own copy of the runtime statically.
    fuzz_env = "env -u LD_PRELOAD "

# CANCELVERIFY_FUZZ: the libFuzzer targets of tools/fuzz, run by test/fuzz
# over their seed corpora. Without them those tests are unsupported.
fuzz_dir = getattr(config, "fuzz_dir", "")
fuzzers = ["cv-fuzz-role-spec", "cv-fuzz-model-file"]
if fuzz_dir and all(os.path.exists(os.path.join(fuzz_dir, f)) for f in fuzzers):
    config.available_features.add("fuzzers")
    for f in fuzzers:
        config.substitutions.append(
            ("%" + f.replace("-", "_"), fuzz_env + os.path.join(fuzz_dir, f)))
    # Seed corpora and dictionaries.
    config.substitutions.append(
        ("%fuzz_src", os.path.join(config.cancelverify_src_root, "tools", "fuzz")))
