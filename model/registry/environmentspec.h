#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace mlwb::environmentspec {

/// What an environment is made from, read and normalized: comments, blank
/// lines, spacing, the order of requirements and of YAML keys, and the
/// spelling of package names do not make two specs different.
struct Spec {
    QString kind;   // "conda" or "pip"
    QString text;   // as the user wrote it, shown on the environment's page
    QString python; // the interpreter version, when the spec or the user says
    QStringList packages;
    QString normalized;
    QString sha256; // of kind, python and the normalized spec
};

/// "conda" for a .yml/.yaml file, else "pip" (a requirements.txt).
QString kindForFile(const QString &path);
/// Reads `text` of `kind`; `python` (may be empty) overrides a version the
/// spec names. False with the line at fault for a spec that does not parse.
bool parse(const QString &kind, const QByteArray &text, const QString &python, Spec *out,
           QString *error);
/// A requirements.txt or what `pip freeze` printed; every line is kept.
void parseRequirements(const QByteArray &text, const QString &python, Spec *out);
/// Sets the python override and the spec's sha256, once it is read.
void seal(const QString &python, Spec *out);

} // namespace mlwb::environmentspec
