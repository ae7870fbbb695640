#include "serving/keychain.h"

#include <qt6keychain/keychain.h>

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QEventLoop>

namespace mlwb::keychain {

namespace {

// The service name the secrets are filed under (seahorse shows it).
QString service()
{
    return QStringLiteral("ML Workbench");
}

// QtKeychain reports through a signal; the callers here want an answer.
bool finish(QKeychain::Job &job, QString *error)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never a plain-text copy behind the user's back
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.start();
    loop.exec();
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
        return true;
    *error = QCoreApplication::translate("mlwb::keychain", "The desktop keychain refused: %1")
                 .arg(job.errorString());
    return false;
}

} // namespace

bool available(QString *why)
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    const auto say = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    if (!bus.isConnected())
        return say(
            QCoreApplication::translate("mlwb::keychain", "there is no D-Bus session bus (%1)")
                .arg(bus.lastError().message()));
    if (!bus.interface()->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")))
        return say(QCoreApplication::translate(
            "mlwb::keychain", "no Secret Service (such as GNOME Keyring) is running"));
    return true;
}

bool read(const QString &entry, QString *secret, QString *error)
{
    QKeychain::ReadPasswordJob job(service());
    job.setKey(entry);
    if (!finish(job, error))
        return false;
    *secret = job.error() == QKeychain::EntryNotFound ? QString() : job.textData();
    return true;
}

bool write(const QString &entry, const QString &secret, QString *error)
{
    QKeychain::WritePasswordJob job(service());
    job.setKey(entry);
    job.setTextData(secret);
    return finish(job, error);
}

bool remove(const QString &entry, QString *error)
{
    QKeychain::DeletePasswordJob job(service());
    job.setKey(entry);
    return finish(job, error);
}

} // namespace mlwb::keychain
