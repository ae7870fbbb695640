#include "metrics/metricexport.h"

#include "metrics/seriesloader.h"
#include "store/sqlerror.h"

#include <QObject>
#include <QSaveFile>
#include <QTextStream>
#include <cmath>

namespace mlwb {

namespace {

QString number(double v)
{
    return QString::number(v, 'g', 17);
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString jsonString(const QString &text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + out + QLatin1Char('"');
}

// JSON has no NaN or infinity: null stands for all three.
QString jsonNumber(double v)
{
    return std::isfinite(v) ? number(v) : QStringLiteral("null");
}

} // namespace

MetricExport::Format MetricExport::formatFor(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? Format::Json : Format::Csv;
}

bool MetricExport::write(SeriesLoader &loader, const QList<Item> &items, const QString &path,
                         Format format, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return sql::fail(error, QObject::tr("Cannot write %1: %2").arg(path, file.errorString()));
    // Streamed as text: a million points would make a QJsonDocument huge.
    QTextStream out(&file);
    out << (format == Format::Csv ? QStringLiteral("run,metric,step,time,value\n")
                                  : QStringLiteral("["));
    for (qsizetype n = 0; n < items.size(); ++n) {
        const Item &item = items.at(n);
        SeriesArrays a;
        if (!loader.fetch(item.seriesId, 0, -1, &a, error))
            return false;
        if (format == Format::Json)
            out << (n ? ",\n" : "\n") << "{\"run\":" << jsonString(item.run)
                << ",\"metric\":" << jsonString(item.metric) << ",\"points\":[";
        const QString prefix = csvField(item.run) + u',' + csvField(item.metric) + u',';
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (format == Format::Csv)
                out << prefix << qint64(a.step.at(i)) << ',' << number(a.time.at(i)) << ','
                    << (std::isnan(a.value.at(i)) ? QStringLiteral("NaN") : number(a.value.at(i)))
                    << '\n';
            else
                out << (i ? "," : "") << "{\"step\":" << qint64(a.step.at(i))
                    << ",\"time\":" << number(a.time.at(i))
                    << ",\"value\":" << jsonNumber(a.value.at(i)) << '}';
        }
        if (format == Format::Json)
            out << "]}";
    }
    if (format == Format::Json)
        out << "\n]\n";
    out.flush();
    if (!file.commit())
        return sql::fail(error, QObject::tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

} // namespace mlwb
