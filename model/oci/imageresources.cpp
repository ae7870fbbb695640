#include "oci/imageresources.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <cmath>

namespace mlwb::oci {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("oci", text);
}

} // namespace

void ImageResources::addLabels(QMap<QString, QString> *labels) const
{
    if (cpu > 0)
        labels->insert(cpuLabel, QString::number(cpu));
    if (memoryBytes > 0)
        labels->insert(memoryLabel, QString::number(memoryBytes));
}

ImageResources ImageResources::fromConfig(const QJsonObject &config)
{
    const QJsonObject labels = config.value(QStringLiteral("config"))
                                   .toObject()
                                   .value(QStringLiteral("Labels"))
                                   .toObject();
    ImageResources r;
    r.cpu = labels.value(cpuLabel).toString().toDouble();
    r.memoryBytes = labels.value(memoryLabel).toString().toLongLong();
    return r;
}

QJsonObject ImageResources::toJson() const
{
    QJsonObject o;
    if (cpu > 0)
        o.insert(QStringLiteral("cpu"), cpu);
    if (memoryBytes > 0) {
        o.insert(QStringLiteral("memory"), memoryText(memoryBytes));
        o.insert(QStringLiteral("memory_bytes"), memoryBytes);
    }
    return o;
}

bool parseCpu(const QString &text, double *cores, QString *error)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !(value > 0) || value > 1024) {
        *error = tr("'%1' is not a number of CPU cores: use, for example, 2 or 0.5.").arg(text);
        return false;
    }
    *cores = value;
    return true;
}

bool parseMemory(const QString &text, qint64 *bytes, QString *error)
{
    static const QRegularExpression size(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([bkmgt]?)(?:i?b)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = size.match(text);
    if (!m.hasMatch()) {
        *error = tr("'%1' is not a memory size: use, for example, 512M, 1.5G or 2Gi.").arg(text);
        return false;
    }
    const QString unit = m.captured(2).toLower();
    const int power = QStringLiteral("bkmgt").indexOf(unit.isEmpty() ? QStringLiteral("b") : unit);
    const double value = m.captured(1).toDouble() * std::pow(1024.0, power);
    if (value > 1e18) {
        *error = tr("%1 is more memory than any machine has.").arg(text);
        return false;
    }
    if (value < 6.0 * 1024 * 1024) {
        *error = tr("%1 is too little memory for a container: podman and docker need at least "
                    "6M.")
                     .arg(text);
        return false;
    }
    *bytes = qint64(std::llround(value));
    return true;
}

QString memoryText(qint64 bytes)
{
    static const char units[] = "KMGT";
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    QString number = QString::number(value, 'f', 2); // "1.50" -> "1.5", "2.00" -> "2"
    while (number.endsWith(QLatin1Char('0')))
        number.chop(1);
    if (number.endsWith(QLatin1Char('.')))
        number.chop(1);
    return unit < 0 ? number : number + QLatin1Char(units[unit]);
}

} // namespace mlwb::oci
