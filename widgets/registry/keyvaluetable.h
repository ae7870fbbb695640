#pragma once

#include <QMap>
#include <QWidget>

class QTableWidget;

namespace mlwb {

/// An editable KEY / VALUE table with Add and Remove, for a version's tags
/// and properties. edited() is emitted once per finished change.
class KeyValueTable : public QWidget
{
    Q_OBJECT
public:
    explicit KeyValueTable(const QString &name, QWidget *parent = nullptr);

    /// Shows `map` (no edited() for it).
    void setMap(const QMap<QString, QString> &map);
    /// The rows with a key; a later row wins over an earlier one with the same key.
    QMap<QString, QString> map() const;
    QTableWidget *table() const { return m_table; }
    /// A cell editor is open (the user is typing).
    bool isEditing() const;

Q_SIGNALS:
    void edited();

private:
    QTableWidget *m_table;
    bool m_filling = false;
};

} // namespace mlwb
