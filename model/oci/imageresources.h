#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace mlwb::oci {

/// What an image asks for when it runs, stored as config labels so any
/// engine (and `skopeo inspect`) can read it: CPU cores (fractions allowed)
/// and a memory limit. Zero means no limit was asked for.
struct ImageResources {
    double cpu = 0;
    qint64 memoryBytes = 0;

    bool isEmpty() const { return cpu <= 0 && memoryBytes <= 0; }
    /// Adds org.mlwb.resources.cpu ("1.5") and .memory (bytes) when set.
    void addLabels(QMap<QString, QString> *labels) const;
    /// Reads them back from an image config (its config.Labels).
    static ImageResources fromConfig(const QJsonObject &config);
    /// {"cpu": 1.5, "memory": "1.5G", "memory_bytes": ...}, only what is set.
    QJsonObject toJson() const;
};

inline const QString cpuLabel = QStringLiteral("org.mlwb.resources.cpu");
inline const QString memoryLabel = QStringLiteral("org.mlwb.resources.memory");

/// "2", "0.5": cores; false with why for anything else (zero, negative, text).
bool parseCpu(const QString &text, double *cores, QString *error);
/// "512M", "1.5G", "2Gi", "1073741824": bytes, with K/M/G/T as powers of
/// 1024 the way podman and docker read --memory; at least 6 MiB (podman's floor).
bool parseMemory(const QString &text, qint64 *bytes, QString *error);
/// 1610612736 -> "1.5G".
QString memoryText(qint64 bytes);

} // namespace mlwb::oci
