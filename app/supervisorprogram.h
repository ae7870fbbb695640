#pragma once
// What both supervisor programs (mlwb-supervisor, mlwb-service-supervisor)
// begin and end with: one header, since neither links the app's code.
#include <QCoreApplication>
#include <QTextStream>

namespace mlwb::supervisorprogram {

/// Names the application as mlwb does (settings, messages) and returns its arguments.
inline QStringList arguments()
{
    QCoreApplication::setApplicationName(QStringLiteral("mlwb"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MLWB_VERSION));
    return QCoreApplication::arguments();
}

/// Prints "program: message" on stderr and returns code.
inline int fail(const char *program, const QString &message, int code = 1)
{
    QTextStream(stderr) << program << ": " << message << Qt::endl;
    return code;
}

} // namespace mlwb::supervisorprogram
