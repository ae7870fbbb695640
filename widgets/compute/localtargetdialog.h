#pragma once

#include "store/types.h"

#include <QDialog>

class QSpinBox;

namespace mlwb {

/// Edits what this computer's target has to set: how many runs it takes at
/// once. 0 means one per core. Storing it is the caller's job.
class LocalTargetDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LocalTargetDialog(QWidget *parent = nullptr);

    void setTarget(const ComputeTarget &target);
    ComputeTarget target() const;

private:
    ComputeTarget m_target;
    QSpinBox *m_maxConcurrent;
};

} // namespace mlwb
