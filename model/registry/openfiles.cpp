#include "registry/openfiles.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <dirent.h>
#include <unistd.h>

namespace mlwb::openfiles {

namespace {

// The names of a /proc folder's entries; empty when it cannot be read.
QList<QByteArray> entries(const QByteArray &dir)
{
    QList<QByteArray> out;
    DIR *d = ::opendir(dir.constData());
    if (!d)
        return out;
    while (const dirent *e = ::readdir(d))
        if (e->d_name[0] != '.')
            out << QByteArray(e->d_name);
    ::closedir(d);
    return out;
}

} // namespace

QStringList openAnywhere(const QStringList &paths)
{
    QSet<QByteArray> wanted;
    for (const QString &path : paths)
        wanted.insert(QFile::encodeName(QFileInfo(path).canonicalFilePath()));
    QSet<QByteArray> open;
    for (const QByteArray &pid : entries("/proc")) {
        if (pid.isEmpty() || pid[0] < '1' || pid[0] > '9')
            continue;
        const QByteArray fdDir = "/proc/" + pid + "/fd/";
        for (const QByteArray &fd : entries(fdDir)) {
            char target[4096];
            const ssize_t n =
                ::readlink(QByteArray(fdDir + fd).constData(), target, sizeof target - 1);
            if (n > 0 && wanted.contains(QByteArray(target, int(n))))
                open.insert(QByteArray(target, int(n)));
        }
    }
    QStringList out;
    for (const QString &path : paths)
        if (open.contains(QFile::encodeName(QFileInfo(path).canonicalFilePath())))
            out << path;
    return out;
}

} // namespace mlwb::openfiles
