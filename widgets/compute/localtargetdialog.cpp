#include "compute/localtargetdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace mlwb {

LocalTargetDialog::LocalTargetDialog(QWidget *parent)
    : QDialog(parent)
    , m_maxConcurrent(new QSpinBox)
{
    setWindowTitle(tr("Edit Compute Target: this computer"));
    m_maxConcurrent->setObjectName(QStringLiteral("maxConcurrentSpin"));
    m_maxConcurrent->setRange(0, 4096);
    m_maxConcurrent->setSpecialValueText(
        tr("one per core (%n)", nullptr, QThread::idealThreadCount()));
    auto *hint = new QLabel(tr("Runs over the limit wait in the queue, oldest first. A new "
                               "limit applies to runs already queued."));
    hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Concurrent runs:"), m_maxConcurrent);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(buttons);
}

void LocalTargetDialog::setTarget(const ComputeTarget &target)
{
    m_target = target;
    m_maxConcurrent->setValue(target.maxConcurrent);
}

ComputeTarget LocalTargetDialog::target() const
{
    ComputeTarget t = m_target;
    t.maxConcurrent = m_maxConcurrent->value();
    return t;
}

} // namespace mlwb
