#include "serving/servicekeys.h"

#include "store/workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>

namespace mlwb {

namespace {

QString newKey()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / 4);
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

ServiceKeys::ServiceKeys(const Workspace &workspace, const QString &name)
{
    // One folder per workspace: two workspaces may both have a deployment "web".
    const QByteArray where = QDir(workspace.path()).canonicalPath().toUtf8();
    const QString workspaceId = QString::fromLatin1(
        QCryptographicHash::hash(where, QCryptographicHash::Sha256).toHex().left(16));
    const QString config = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    m_path = QDir(config).filePath(
        QStringLiteral("service-keys/%1/%2.keys").arg(workspaceId, name.toLower()));
}

bool ServiceKeys::create(QString *error)
{
    return write(newKey(), newKey(), error);
}

bool ServiceKeys::read(QString *primary, QString *secondary, QString *error) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the service's keys from %1: %2")
                     .arg(QDir::toNativeSeparators(m_path), file.errorString());
        return false;
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    if (lines.size() < 2 || lines.at(0).trimmed().isEmpty() || lines.at(1).trimmed().isEmpty()) {
        *error = tr("%1 does not hold a primary and a secondary key.")
                     .arg(QDir::toNativeSeparators(m_path));
        return false;
    }
    *primary = QString::fromLatin1(lines.at(0).trimmed());
    *secondary = QString::fromLatin1(lines.at(1).trimmed());
    return true;
}

bool ServiceKeys::regenerate(const QString &which, QString *error)
{
    QString primary, secondary;
    if (!read(&primary, &secondary, error))
        return false;
    if (which == QLatin1String("primary"))
        primary = newKey();
    else if (which == QLatin1String("secondary"))
        secondary = newKey();
    else {
        *error = tr("'%1' is not a key: say primary or secondary.").arg(which);
        return false;
    }
    return write(primary, secondary, error);
}

void ServiceKeys::remove()
{
    QFile::remove(m_path);
}

bool ServiceKeys::write(const QString &primary, const QString &secondary, QString *error)
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        *error = tr("Cannot create %1 for the service's keys.").arg(QDir::toNativeSeparators(dir));
        return false;
    }
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    // Replaced in one rename, so the server never reads half a file; the
    // new inode is how it notices the change.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        || file.write((primary + QLatin1Char('\n') + secondary + QLatin1Char('\n')).toLatin1()) < 0
        || !file.commit()) {
        *error = tr("Cannot write the service's keys to %1: %2")
                     .arg(QDir::toNativeSeparators(m_path), file.errorString());
        return false;
    }
    return true;
}

} // namespace mlwb
