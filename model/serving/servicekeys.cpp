#include "serving/servicekeys.h"

#include "serving/keychain.h"
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

QByteArray keyLines(const QString &primary, const QString &secondary)
{
    return (primary + QLatin1Char('\n') + secondary + QLatin1Char('\n')).toLatin1();
}

bool parse(const QByteArray &text, QString *primary, QString *secondary)
{
    const QList<QByteArray> lines = text.split('\n');
    if (lines.size() < 2 || lines.at(0).trimmed().isEmpty() || lines.at(1).trimmed().isEmpty())
        return false;
    *primary = QString::fromLatin1(lines.at(0).trimmed());
    *secondary = QString::fromLatin1(lines.at(1).trimmed());
    return true;
}

// Replaced in one rename, so the server never reads half a file; the new
// inode is how it notices the change.
bool writeUserOnly(const QString &path, const QByteArray &bytes, QString *error)
{
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir)) {
        *error = ServiceKeys::tr("Cannot create %1 for the service's keys.")
                     .arg(QDir::toNativeSeparators(dir));
        return false;
    }
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) || file.write(bytes) < 0
        || !file.commit()) {
        *error = ServiceKeys::tr("Cannot write the service's keys to %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

ServiceKeys::ServiceKeys(const Workspace &workspace, const QString &name)
    : m_name(name)
{
    // One folder per workspace: two workspaces may both have a deployment "web".
    const QByteArray where = QDir(workspace.path()).canonicalPath().toUtf8();
    const QString workspaceId = QString::fromLatin1(
        QCryptographicHash::hash(where, QCryptographicHash::Sha256).toHex().left(16));
    const QString relative = QStringLiteral("%1/%2.keys").arg(workspaceId, name.toLower());
    const QString config = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    m_configPath = QDir(config).filePath(QStringLiteral("service-keys/") + relative);
    m_entry = QStringLiteral("service-keys/") + relative;
    if (QFile::exists(m_configPath)) {
        // keys already in a file stay there
    } else if (qEnvironmentVariable("MLWB_KEY_STORE") == QLatin1String("file")) {
        m_noKeychain = tr("MLWB_KEY_STORE=file asks for a file");
    } else if (keychain::available(&m_noKeychain)) {
        m_store = Store::Keychain;
    }
    // QStandardPaths warns when XDG_RUNTIME_DIR is unset; only ask it when a copy is needed.
    QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (runtime.isEmpty() && m_store == Store::Keychain)
        runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty())
        m_copyPath = QDir(runtime).filePath(QStringLiteral("mlwb/service-keys/") + relative);
}

QString ServiceKeys::filePath() const
{
    // Kept in the keychain but read where it cannot be reached: the copy is
    // still what the server reads.
    if (m_store == Store::Keychain
        || (!QFile::exists(m_configPath) && !m_copyPath.isEmpty() && QFile::exists(m_copyPath)))
        return m_copyPath;
    return m_configPath;
}

QString ServiceKeys::storedIn() const
{
    return m_store == Store::Keychain
               ? tr("the desktop keychain (Secret Service)")
               : tr("%1 (only you can read it)").arg(QDir::toNativeSeparators(m_configPath));
}

bool ServiceKeys::create(QString *error)
{
    return write(newKey(), newKey(), error);
}

bool ServiceKeys::read(QString *primary, QString *secondary, QString *error) const
{
    if (m_store == Store::File)
        return readFile(filePath(), primary, secondary, error);
    QString text;
    if (!keychain::read(m_entry, &text, error))
        return false;
    if (!parse(text.toLatin1(), primary, secondary)) {
        *error = tr("The desktop keychain holds no keys for %1 (entry %2 of ML Workbench).")
                     .arg(m_name, m_entry);
        return false;
    }
    return true;
}

bool ServiceKeys::readFile(const QString &path, QString *primary, QString *secondary,
                           QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the service's keys from %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        if (!QFile::exists(path) && !m_noKeychain.isEmpty())
            *error += QLatin1Char(' ')
                      + tr("If they were kept in the desktop keychain, it cannot be used "
                           "here: %1.")
                            .arg(m_noKeychain);
        return false;
    }
    if (!parse(file.readAll(), primary, secondary)) {
        *error = tr("%1 does not hold a primary and a secondary key.")
                     .arg(QDir::toNativeSeparators(path));
        return false;
    }
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

bool ServiceKeys::ensureFile(QString *error) const
{
    if (m_store == Store::File || QFile::exists(m_copyPath))
        return true;
    QString primary, secondary;
    return read(&primary, &secondary, error)
           && writeUserOnly(m_copyPath, keyLines(primary, secondary), error);
}

void ServiceKeys::remove(QString *warning)
{
    QFile::remove(m_configPath);
    if (!m_copyPath.isEmpty())
        QFile::remove(m_copyPath);
    QString error;
    if (keychain::available() && !keychain::remove(m_entry, &error) && warning)
        *warning = error;
}

bool ServiceKeys::write(const QString &primary, const QString &secondary, QString *error) const
{
    const QByteArray lines = keyLines(primary, secondary);
    if (m_store == Store::File)
        return writeUserOnly(filePath(), lines, error);
    // The keychain first: a copy never holds keys the keychain does not.
    return keychain::write(m_entry, QString::fromLatin1(lines), error)
           && writeUserOnly(m_copyPath, lines, error);
}

} // namespace mlwb
