#include "oci/wheelfolder.h"

#include "oci/baseimage.h"
#include "store/storagemedium.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <archive.h>
#include <archive_entry.h>
#include <memory>

namespace mlwb::oci {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("oci", text);
}

QString linuxMachine(const QString &architecture)
{
    if (architecture == QLatin1String("amd64"))
        return QStringLiteral("x86_64");
    if (architecture == QLatin1String("arm64"))
        return QStringLiteral("aarch64");
    if (architecture == QLatin1String("386"))
        return QStringLiteral("i686");
    return architecture; // ppc64le, s390x, riscv64 are spelled the same
}

// "3.11" -> 11; -1 when it is not a Python 3 version.
int minorOf(const QString &pythonVersion)
{
    if (!pythonVersion.startsWith(QLatin1String("3.")))
        return -1;
    bool ok = false;
    const int minor = pythonVersion.mid(2).toInt(&ok);
    return ok ? minor : -1;
}

bool fits(const QString &python, const QString &abi, const QString &platform, int minor,
          const QString &machine)
{
    static const QRegularExpression pyTag(QStringLiteral("^(py|cp)3(\\d*)$"));
    const QRegularExpressionMatch m = pyTag.match(python);
    if (!m.hasMatch())
        return false;
    const bool cpython = m.captured(1) == QLatin1String("cp");
    const int wanted = m.captured(2).isEmpty() ? -1 : m.captured(2).toInt();
    if (cpython && wanted < 0)
        return false;
    if (abi == QLatin1String("none") || abi == QLatin1String("abi3")) {
        if (wanted > minor || (abi == QLatin1String("abi3") && !cpython))
            return false;
    } else if (!cpython || wanted != minor || !abi.startsWith(QStringLiteral("cp3%1").arg(minor))) {
        return false;
    }
    if (platform == QLatin1String("any"))
        return true;
    return (platform.startsWith(QLatin1String("linux_"))
            || platform.startsWith(QLatin1String("manylinux")))
           && platform.endsWith(QLatin1Char('_') + machine);
}

// Where a file of the wheel goes in the image, or empty to leave it out.
QString targetOf(const QString &entry, const QString &dataDir, const QString &site,
                 bool *executable)
{
    *executable = false;
    if (!entry.startsWith(dataDir))
        return site + QLatin1Char('/') + entry;
    const QString rest = entry.mid(dataDir.size());
    const QString scheme = rest.section(QLatin1Char('/'), 0, 0);
    const QString path = rest.section(QLatin1Char('/'), 1);
    if (path.isEmpty())
        return {};
    if (scheme == QLatin1String("purelib") || scheme == QLatin1String("platlib"))
        return site + QLatin1Char('/') + path;
    if (scheme == QLatin1String("scripts")) {
        *executable = true;
        return QStringLiteral("usr/local/bin/") + path;
    }
    if (scheme == QLatin1String("data"))
        return QStringLiteral("usr/local/") + path;
    return {}; // headers: nothing at run time needs them
}

bool unpackWheel(const QString &file, const WheelName &wheel, const QString &site,
                 const QString &unpackDir, WheelLayer *out, QString *error)
{
    std::unique_ptr<archive, decltype(&archive_read_free)> a(archive_read_new(), archive_read_free);
    archive_read_support_format_zip(a.get());
    const QByteArray path = QFile::encodeName(file);
    if (archive_read_open_filename(a.get(), path.constData(), 256 * 1024) != ARCHIVE_OK) {
        *error = tr("Cannot read the wheel %1: %2")
                     .arg(file, QString::fromUtf8(archive_error_string(a.get())));
        return false;
    }
    const QString dataDir =
        wheel.name + QLatin1Char('-') + wheel.version + QStringLiteral(".data/");
    archive_entry *entry = nullptr;
    int status;
    bool sawMetadata = false;
    while ((status = archive_read_next_header(a.get(), &entry)) == ARCHIVE_OK
           || status == ARCHIVE_WARN) {
        const QString name = QString::fromUtf8(archive_entry_pathname(entry));
        if (archive_entry_filetype(entry) != AE_IFREG)
            continue;
        if (name.startsWith(QLatin1Char('/'))
            || name.split(QLatin1Char('/')).contains(QStringLiteral(".."))) {
            *error = tr("The wheel %1 holds a file outside its folder: %2").arg(file, name);
            return false;
        }
        if (name.endsWith(QLatin1String(".dist-info/METADATA")))
            sawMetadata = true;
        bool executable = false;
        const QString target = targetOf(name, dataDir, site, &executable);
        if (target.isEmpty())
            continue;
        executable = executable || (archive_entry_perm(entry) & 0111);
        const QString local = unpackDir + QLatin1Char('/') + target;
        QDir().mkpath(QFileInfo(local).absolutePath());
        QFile f(local);
        if (!f.open(QIODevice::WriteOnly)) {
            *error = tr("Cannot unpack %1 to %2: %3").arg(name, local, f.errorString());
            return false;
        }
        const void *block = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        int r;
        while ((r = archive_read_data_block(a.get(), &block, &size, &offset)) == ARCHIVE_OK)
            if (QString reason;
                !storage::writeAll(f, static_cast<const char *>(block), qint64(size), &reason)) {
                *error = tr("Cannot write %1: %2").arg(local, reason);
                return false;
            }
        if (r != ARCHIVE_EOF) {
            *error = tr("The wheel %1 is damaged at %2: %3")
                         .arg(file, name, QString::fromUtf8(archive_error_string(a.get())));
            return false;
        }
        out->files.append({target, local, {}, executable, {}});
    }
    if (status != ARCHIVE_EOF) {
        *error = tr("The wheel %1 is not a readable zip: %2")
                     .arg(file, QString::fromUtf8(archive_error_string(a.get())));
        return false;
    }
    if (!sawMetadata) {
        *error = tr("The wheel %1 has no NAME-VERSION.dist-info/METADATA; it is not a wheel "
                    "pip would install.")
                     .arg(file);
        return false;
    }
    out->packages.insert(normalizedPackageName(wheel.name), wheel.version);
    return true;
}

} // namespace

QString WheelName::tag() const
{
    return python.join(QLatin1Char('.')) + QLatin1Char('-') + abi.join(QLatin1Char('.'))
           + QLatin1Char('-') + platform.join(QLatin1Char('.'));
}

bool parseWheelName(const QString &fileName, WheelName *out, QString *error)
{
    if (!fileName.endsWith(QLatin1String(".whl"))) {
        *error = tr("%1 is not a wheel (.whl).").arg(fileName);
        return false;
    }
    const QStringList parts = fileName.chopped(4).split(QLatin1Char('-'));
    if (parts.size() != 5 && parts.size() != 6) {
        *error =
            tr("%1 is not a wheel file name (NAME-VERSION-PYTHON-ABI-PLATFORM.whl).").arg(fileName);
        return false;
    }
    const int n = parts.size();
    out->name = parts.at(0);
    out->version = parts.at(1);
    out->python = parts.at(n - 3).split(QLatin1Char('.'));
    out->abi = parts.at(n - 2).split(QLatin1Char('.'));
    out->platform = parts.at(n - 1).split(QLatin1Char('.'));
    return true;
}

bool wheelFits(const WheelName &wheel, const QString &pythonVersion, const QString &architecture)
{
    const int minor = minorOf(pythonVersion);
    if (minor < 0)
        return false;
    const QString machine = linuxMachine(architecture);
    for (const QString &python : wheel.python)
        for (const QString &abi : wheel.abi)
            for (const QString &platform : wheel.platform)
                if (fits(python, abi, platform, minor, machine))
                    return true;
    return false;
}

QString sitePackagesFor(const QString &pythonVersion, bool debianPython)
{
    return QStringLiteral("usr/local/lib/python%1/%2")
        .arg(pythonVersion,
             debianPython ? QStringLiteral("dist-packages") : QStringLiteral("site-packages"));
}

bool checkWheelFolder(const QString &folder, const QString &pythonVersion,
                      const QString &architecture, QList<WheelName> *out, QString *error)
{
    const QDir dir(folder);
    if (!dir.exists()) {
        *error = tr("The wheel folder %1 does not exist.").arg(folder);
        return false;
    }
    const QStringList wheels = dir.entryList({QStringLiteral("*.whl")}, QDir::Files, QDir::Name);
    if (wheels.isEmpty()) {
        *error = tr("The wheel folder %1 holds no wheels (*.whl).").arg(folder);
        return false;
    }
    out->clear();
    for (const QString &file : wheels) {
        WheelName wheel;
        if (!parseWheelName(file, &wheel, error))
            return false;
        if (!wheelFits(wheel, pythonVersion, architecture)) {
            *error = tr("The wheel %1 is tagged %2, which does not install into the base's "
                        "Python %3 on %4; use a wheel built for cp3%5 (or py3-none-any).")
                         .arg(file, wheel.tag(), pythonVersion, architecture, pythonVersion.mid(2));
            return false;
        }
        *out << wheel;
    }
    return true;
}

bool readWheelFolder(const QString &folder, const QString &pythonVersion,
                     const QString &architecture, const QString &sitePackages,
                     const QString &unpackDir, WheelLayer *out, QString *error)
{
    // Check them all first: a refused wheel means nothing is unpacked.
    QList<WheelName> names;
    if (!checkWheelFolder(folder, pythonVersion, architecture, &names, error))
        return false;
    const QDir dir(folder);
    const QStringList wheels = dir.entryList({QStringLiteral("*.whl")}, QDir::Files, QDir::Name);
    for (int i = 0; i < wheels.size(); ++i)
        if (!unpackWheel(dir.filePath(wheels.at(i)), names.at(i), sitePackages, unpackDir, out,
                         error))
            return false;
    // Two wheels shipping the same file: the later one wins, as with pip.
    QMap<QString, LayerFile> byPath;
    for (const LayerFile &f : std::as_const(out->files))
        byPath.insert(f.path, f);
    out->files = byPath.values();
    out->wheels = wheels;
    return true;
}

} // namespace mlwb::oci
