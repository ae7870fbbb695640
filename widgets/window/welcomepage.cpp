#include "window/welcomepage.h"

#include "items/taxonomymodel.h"
#include "runs/durationtext.h"
#include "runs/runstatustext.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>

namespace mlwb {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_body(new QLabel(this))
    , m_sampleButton(new QPushButton(tr("Open the Sample Project"), this))
{
    setObjectName(QStringLiteral("welcomePage"));
    QFont big = m_heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_heading->setFont(big);
    m_heading->setTextFormat(Qt::PlainText);
    m_body->setTextFormat(Qt::RichText);
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse
                                    | Qt::LinksAccessibleByKeyboard);
    connect(m_body, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link.startsWith(QLatin1String("run:")))
            Q_EMIT runRequested(link.mid(4).toLongLong());
    });
    m_sampleButton->setObjectName(QStringLiteral("openSampleButton"));
    connect(m_sampleButton, &QPushButton::clicked, this,
            [this] { Q_EMIT sampleRequested(sampleFolder()); });
    auto *column = new QVBoxLayout;
    column->setSpacing(14);
    column->addWidget(m_heading);
    column->addWidget(m_body);
    column->addWidget(m_sampleButton, 0, Qt::AlignLeft);
    column->addStretch();
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(48, 40, 48, 24);
    outer->addLayout(column, 0);
    outer->addStretch();
    column->setSizeConstraint(QLayout::SetDefaultConstraint);
    m_body->setMaximumWidth(640);
}

void WelcomePage::setWorkspace(const Workspace *workspace, const TaxonomyModel *model)
{
    m_workspace = workspace;
    m_model = model;
    refresh();
}

void WelcomePage::refresh()
{
    if (!m_workspace) {
        m_heading->setText(tr("No workspace open"));
        m_body->setText(tr("Create a workspace with <b>File ▸ New Workspace…</b> or open one "
                           "with <b>File ▸ Open Workspace…</b>."));
        m_sampleButton->hide();
        return;
    }
    m_heading->setText(m_workspace->name());
    int runCount = 0;
    const QString recent = recentRuns(&runCount);
    const auto row = [](const QString &label, int count) {
        return QStringLiteral("<tr><td>%1</td><td align=\"right\">&nbsp;&nbsp;%2</td></tr>")
            .arg(label.toHtmlEscaped())
            .arg(count);
    };
    QString counts;
    for (int g = 0; g < groupCount; ++g) {
        counts += row(groupLabel(Group(g)), m_model ? m_model->groupItemCount(Group(g)) : 0);
        if (Group(g) == Group::Experiments)
            counts += row(tr("Runs"), runCount);
    }
    const bool hasSample = QDir(sampleFolder()).exists();
    QString body = tr("<p style=\"color:#707070\">%1</p>")
                       .arg(QDir::toNativeSeparators(m_workspace->path()).toHtmlEscaped());
    body += QStringLiteral("<table cellspacing=\"2\">%1</table>").arg(counts);
    body += recent + nextStep(runCount, hasSample);
    m_body->setText(body);
    m_sampleButton->setVisible(hasSample);
}

// The latest runs as links, the first one to continue with.
QString WelcomePage::recentRuns(int *total) const
{
    QString error;
    const Runs runs(*m_workspace);
    *total = std::max(0, runs.countTopLevel(&error));
    const QList<Run> latest = runs.recent(5, &error);
    if (latest.isEmpty())
        return QString();
    QString rows;
    for (const Run &r : latest) {
        const QString name = r.displayName.isEmpty() ? r.uid : r.displayName;
        rows +=
            QStringLiteral("<tr><td nowrap><a href=\"run:%1\">%2</a></td>"
                           "<td nowrap>&nbsp;&nbsp;%3</td><td nowrap>&nbsp;&nbsp;"
                           "<span style=\"color:%4\">&#9679;</span> %5</td>"
                           "<td align=\"right\">&nbsp;&nbsp;%6</td></tr>")
                .arg(r.id)
                .arg(name.toHtmlEscaped(), r.experimentName.toHtmlEscaped(), statusColour(r.status),
                     statusText(r.status).toHtmlEscaped(), durationText(r.durationMs()));
    }
    return tr("<p><b>Continue where you left off</b></p>")
           + QStringLiteral("<table cellspacing=\"2\">%1</table>").arg(rows);
}

QString WelcomePage::nextStep(int runCount, bool hasSample) const
{
    if (runCount == 0 && hasSample)
        return tr("<p><b>Next:</b> open the sample project, then press <b>F5</b> to submit "
                  "<i>train.py</i> as your first run and watch its metrics arrive.</p>");
    if (runCount == 0)
        return tr("<p><b>Next:</b> open a project folder (<b>File ▸ Open Project Folder…</b>) "
                  "and press <b>F5</b> to submit its script as your first run.</p>");
    if (runCount == 1)
        return tr("<p><b>Next:</b> change a parameter and run again (<b>F5</b>), then compare "
                  "the runs in <b>Run ▸ All Runs</b>.</p>");
    return tr("<p><b>Next:</b> compare your runs in <b>Run ▸ All Runs</b>: select them and "
              "press <b>Compare</b> to see their metrics side by side.</p>");
}

QString WelcomePage::text() const
{
    return m_heading->text() + QLatin1Char('\n') + m_body->text();
}

QString WelcomePage::sampleFolder() const
{
    return m_workspace ? QDir(m_workspace->folder(Workspace::Folder::Projects))
                             .filePath(QStringLiteral("sample"))
                       : QString();
}

} // namespace mlwb
