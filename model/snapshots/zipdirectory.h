#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace mlwb {

/// The entry names of a zip file exactly as its central directory stores
/// them. libarchive rewrites some names (a name with a backslash and no slash
/// is taken for a Windows path and gets slashes), but on Linux a backslash is
/// an ordinary character, so a snapshot's names are read from here.
class ZipDirectory
{
    Q_DECLARE_TR_FUNCTIONS(ZipDirectory)

public:
    /// Reads the central directory of `zipPath`. Names come sorted by the
    /// offset of their entry, the order libarchive's seekable reader uses.
    bool read(const QString &zipPath, QString *error);

    const QList<QString> &names() const { return m_names; }
    /// sha256 of the central directory, which holds each entry's name, sizes
    /// and CRC: a different zip has a different one.
    QByteArray fingerprint() const { return m_fingerprint; }

private:
    struct Record {
        qint64 offset = 0;
        QString name;
    };
    bool parse(const QByteArray &directory, qint64 count, QList<Record> *records) const;

    QString m_zipPath;
    QList<QString> m_names;
    QByteArray m_fingerprint;
};

} // namespace mlwb
