#pragma once

#include <QString>
#include <QStringList>

// Which ML framework a model's files were saved with, guessed from names and,
// for pickles, from the modules their opcodes import. A pickle is read as
// opcodes and never unpickled: unpickling runs code.
namespace mlwb::framework {

/// The names the registry knows: "scikit-learn", "pytorch", "tensorflow",
/// "onnx", "xgboost", "lightgbm", "custom".
QStringList known();
/// The framework of a version whose files are at `root` + each relative path.
QString guess(const QString &root, const QStringList &paths);
/// The module names a pickle's GLOBAL, INST and STACK_GLOBAL opcodes name, in
/// order, read until STOP or the first byte that is not a pickle opcode.
QStringList pickleModules(const QString &path);

} // namespace mlwb::framework
