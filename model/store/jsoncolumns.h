#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

// Lists, maps and objects stored in TEXT columns as compact JSON.
namespace mlwb::json {

QString fromObject(const QJsonObject &object);
QJsonObject toObject(const QString &text);
QString fromList(const QStringList &list);
QStringList toList(const QString &text);
QString fromMap(const QMap<QString, QString> &map);
QMap<QString, QString> toMap(const QString &text);

} // namespace mlwb::json
