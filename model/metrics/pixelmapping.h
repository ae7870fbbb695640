#pragma once

namespace mlwb {

/// Maps x to a pixel column exactly as the tests' reference does; NaN lands
/// in column 0 instead of becoming an undefined int conversion. Shared by
/// the decimator and LodSeries so their columns, and so their pictures, match.
struct PixelMapping {
    double x0 = 0;
    double scale = 0;
    int width = 1;

    int columnOf(double x) const
    {
        const double f = (x - x0) * scale;
        if (!(f > 0.0))
            return 0;
        if (f >= width)
            return width - 1;
        return int(f);
    }
};

} // namespace mlwb
