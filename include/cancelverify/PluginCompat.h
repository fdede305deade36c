//===- PluginCompat.h - The pass-plugin header of each LLVM -----*- C++ -*-===//
//
// LLVM 22 moved the plugin interface out of Passes/ and bumped its API
// version. Only the plugin entry includes this; the analysis never does.
//
//===----------------------------------------------------------------------===//
#ifndef CANCELVERIFY_PLUGINCOMPAT_H
#define CANCELVERIFY_PLUGINCOMPAT_H

#include "llvm/Config/llvm-config.h"

#if LLVM_VERSION_MAJOR >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif

#endif // CANCELVERIFY_PLUGINCOMPAT_H
