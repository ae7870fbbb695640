#include "remote/hostkeys.h"

#include <QDir>
#include <QProcess>

namespace mlwb {

QString HostKeys::knownHostsFile()
{
    const QString overridden = qEnvironmentVariable("MLWB_SSH_KNOWN_HOSTS");
    return overridden.isEmpty() ? QDir::home().filePath(QStringLiteral(".ssh/known_hosts"))
                                : overridden;
}

bool HostKeys::scan(const QString &host, int port, QStringList *fingerprints, QString *error)
{
    QProcess keyscan;
    keyscan.start(QStringLiteral("ssh-keyscan"),
                  {QStringLiteral("-T"), QStringLiteral("5"), QStringLiteral("-p"),
                   QString::number(port), host});
    if (!keyscan.waitForFinished(10000)) {
        keyscan.kill();
        keyscan.waitForFinished(1000);
    }
    const QByteArray keys = keyscan.readAllStandardOutput();
    if (keys.trimmed().isEmpty()) {
        *error = tr("No host key could be read from %1:%2.").arg(host).arg(port);
        return false;
    }
    QProcess keygen;
    keygen.start(QStringLiteral("ssh-keygen"),
                 {QStringLiteral("-l"), QStringLiteral("-f"), QStringLiteral("-")});
    keygen.write(keys);
    keygen.closeWriteChannel();
    if (!keygen.waitForFinished(10000)) {
        keygen.kill();
        *error = tr("ssh-keygen did not answer.");
        return false;
    }
    // "256 SHA256:xyz [host]:port (ED25519)" -> "ED25519 SHA256:xyz"
    const QStringList lines = QString::fromUtf8(keygen.readAllStandardOutput())
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() >= 4)
            fingerprints->append(words.last().mid(1).chopped(1) + QLatin1Char(' ') + words.at(1));
    }
    fingerprints->removeDuplicates();
    if (fingerprints->isEmpty()) {
        *error = tr("The host keys of %1:%2 could not be read.").arg(host).arg(port);
        return false;
    }
    return true;
}

} // namespace mlwb
