#include "runstableview.h"

#include "runsfilterproxy.h"
#include "runstablemodel.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputMethodEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace mlwb {

namespace {
const QString hiddenKey = QStringLiteral("runsTable/hiddenColumns");

// QLineEdit has no API for formatting part of its text; an input method
// event with a TextFormat attribute is the supported way to draw it.
void underline(QLineEdit *edit, int start, int length)
{
    QList<QInputMethodEvent::Attribute> attributes;
    if (length > 0) {
        QTextCharFormat format;
        format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
        format.setUnderlineColor(Qt::red);
        format.setBackground(QColor(255, 220, 220));
        attributes << QInputMethodEvent::Attribute(QInputMethodEvent::TextFormat,
                                                   start - edit->cursorPosition(), length, format);
    }
    QInputMethodEvent event(QString(), attributes);
    QCoreApplication::sendEvent(edit, &event);
}
} // namespace

RunsTableView::RunsTableView(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_model(new RunsTableModel(workspace, this))
    , m_proxy(new RunsFilterProxy(this))
    , m_filter(new QLineEdit)
    , m_filterError(new QLabel)
    , m_table(new QTableView)
    , m_compare(new QPushButton(tr("Compare")))
{
    m_proxy->setSourceModel(m_model);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter, e.g. metrics.accuracy > 0.9 and tags.model = cnn"));
    m_filter->setClearButtonEnabled(true);
    m_filterError->setObjectName(QStringLiteral("filterError"));
    m_filterError->setStyleSheet(QStringLiteral("color: #b00020"));
    m_filterError->hide();
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the store's order: newest first
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_compare->setObjectName(QStringLiteral("compare"));
    m_compare->setEnabled(false);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_compare);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_filterError);
    layout->addWidget(m_table, 1);
    connect(m_filter, &QLineEdit::textChanged, this, &RunsTableView::applyFilter);
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &RunsTableView::showColumnMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_compare->setEnabled(!selectedRuns().isEmpty()); });
    connect(m_compare, &QPushButton::clicked, this,
            [this] { Q_EMIT compareRequested(selectedRuns()); });
}

bool RunsTableView::setExperiment(Id experimentId, QString *error)
{
    m_model->setExperiment(experimentId);
    return reload(error);
}

bool RunsTableView::reload(QString *error)
{
    if (!m_model->reload(error))
        return false;
    restoreColumns();
    m_table->resizeColumnsToContents();
    return true;
}

QList<Id> RunsTableView::selectedRuns() const
{
    QList<Id> out;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        out << index.data(RunsTableModel::RunIdRole).toLongLong();
    return out;
}

void RunsTableView::applyFilter()
{
    RunQueryError error;
    if (m_proxy->setFilterText(m_filter->text(), &error)) {
        underline(m_filter, 0, 0);
        m_filterError->hide();
        return;
    }
    underline(m_filter, error.position, std::max(1, error.length));
    m_filterError->setText(error.message);
    m_filterError->show();
}

void RunsTableView::showColumnMenu(const QPoint &pos)
{
    QMenu menu(this);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        QAction *action = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!m_table->isColumnHidden(c));
        connect(action, &QAction::toggled, this, [this, c](bool on) {
            m_table->setColumnHidden(c, !on);
            saveColumns();
        });
    }
    menu.exec(m_table->horizontalHeader()->mapToGlobal(pos));
}

void RunsTableView::restoreColumns()
{
    // By key, so a column a new metric adds does not shift the choice.
    const QSettings settings;
    const QStringList hidden = settings.contains(hiddenKey)
                                   ? settings.value(hiddenKey).toStringList()
                                   : QStringList{QStringLiteral("created")};
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const QString key = m_model->columnKey(c);
        const bool summary =
            key.endsWith(QLatin1String(".min")) || key.endsWith(QLatin1String(".max"));
        m_table->setColumnHidden(c, hidden.contains(key)
                                        || (summary && !settings.contains(hiddenKey)));
    }
}

void RunsTableView::saveColumns()
{
    QStringList hidden;
    for (int c = 0; c < m_model->columnCount(); ++c)
        if (m_table->isColumnHidden(c))
            hidden << m_model->columnKey(c);
    QSettings().setValue(hiddenKey, hidden);
}

} // namespace mlwb
