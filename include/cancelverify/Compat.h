//===- Compat.h - LLVM 19 / LLVM 22 differences in one place ---*- C++ -*-===//
//
// CancelVerify builds against LLVM 19 and LLVM 22. Every API difference the
// project depends on is absorbed here so the analysis reads the same for both.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_COMPAT_H
#define CANCELVERIFY_COMPAT_H

#include "llvm/Config/llvm-config.h"

#if LLVM_VERSION_MAJOR >= 22
// LLVM 22 moved the plugin interface out of Passes/ and bumped its API version.
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

#endif // CANCELVERIFY_COMPAT_H
