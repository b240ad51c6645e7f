
/// A line chart drawn as inline SVG: axes with round-numbered ticks, one polyline per series,
/// dashed lines at the limits the run was judged by, shaded bands where faults were active,
/// and a legend. Needs no script and no network.
///
/// Charts of one report share their x axis (``xMax``), so that a moment sits at the same place
/// in each.
struct SVGLineChart {
    struct Series {
        var name: String
        var color: String
        var points: [(x: Double, y: Double)]
    }

    /// A horizontal line at a limit, such as an SLO's.
    struct Limit {
        var label: String
        var value: Double
        var color: String
    }

    var title: String
    var xLabel: String
    var yLabel: String
    var series: [Series]
    /// The right end of the x axis; the largest x of the series when nil.
    var xMax: Double?
    var limits: [Limit] = []
    var bands: [FaultWindow] = []
    var width = 720.0
    var height = 260.0

    private let left = 64.0, right = 16.0, top = 36.0, bottom = 42.0

    func svg() -> String {
        let xs = series.flatMap { $0.points.map(\.x) }
        let ys = series.flatMap { $0.points.map(\.y) } + limits.map(\.value)
        let xStep = Self.tickStep(Swift.max(xMax ?? xs.max() ?? 1, 1e-9))
        let xEnd = Swift.max(xMax ?? xs.max() ?? 1, 1e-9)
        let yMax = Self.niceCeiling(Swift.max(ys.max() ?? 1, 1e-9))
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func px(_ x: Double) -> Double { left + Swift.min(x, xEnd) / xEnd * plotWidth }
        func py(_ y: Double) -> Double { top + plotHeight - y / yMax * plotHeight }

        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" "
                + "width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\">",
            "<text x=\"\(left)\" y=\"20\" class=\"title\">\(escape(title))</text>",
        ]
        for band in bands where band.start <= xEnd {
            let x = px(band.start), w = Swift.max(2, px(band.end) - x)
            parts.append("<rect x=\"\(x)\" y=\"\(top)\" width=\"\(w)\" height=\"\(plotHeight)\" class=\"fault\">"
                         + "<title>\(escape(band.label))</title></rect>")
            parts.append("<text x=\"\(x + 3)\" y=\"\(top + 12)\" class=\"faultlabel\">\(escape(band.label))</text>")
        }
        parts += [
            "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" class=\"axis\"/>",
            "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotHeight)\" class=\"axis\"/>",
        ]
        for step in 0...4 {
            let value = yMax * Double(step) / 4
            let y = py(value)
            parts.append("<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotWidth)\" y2=\"\(y)\" class=\"grid\"/>")
            parts.append("<text x=\"\(left - 6)\" y=\"\(y + 4)\" class=\"tick\" text-anchor=\"end\">\(Self.label(value))</text>")
        }
        var xValue = 0.0
        while xValue <= xEnd + 1e-9 {
            parts.append("<text x=\"\(px(xValue))\" y=\"\(top + plotHeight + 16)\" class=\"tick\" "
                         + "text-anchor=\"middle\">\(Self.label(xValue))</text>")
            xValue += xStep
        }
        parts.append("<text x=\"\(left + plotWidth / 2)\" y=\"\(height - 6)\" class=\"label\" "
                     + "text-anchor=\"middle\">\(escape(xLabel))</text>")
        parts.append("<text x=\"14\" y=\"\(top + plotHeight / 2)\" class=\"label\" text-anchor=\"middle\" "
                     + "transform=\"rotate(-90 14 \(top + plotHeight / 2))\">\(escape(yLabel))</text>")
        for limit in limits {
            let y = py(limit.value)
            parts.append("<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(left + plotWidth)\" y2=\"\(y)\" stroke=\"\(limit.color)\" "
                         + "class=\"limit\"/>")
            parts.append("<text x=\"\(left + plotWidth - 4)\" y=\"\(y - 4)\" class=\"limitlabel\" text-anchor=\"end\" "
                         + "fill=\"\(limit.color)\">\(escape(limit.label))</text>")
        }
        for (index, line) in series.enumerated() {
            let points = line.points.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " ")
            parts.append("<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"1.8\"/>")
            let legendX = left + plotWidth - 150.0 * Double(series.count - index)
            parts.append("<rect x=\"\(legendX)\" y=\"10\" width=\"12\" height=\"4\" fill=\"\(line.color)\"/>")
            parts.append("<text x=\"\(legendX + 16)\" y=\"16\" class=\"tick\">\(escape(line.name))</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    /// The distance between x ticks: the 1, 2 or 5 × 10ⁿ that gives at most eight ticks over
    /// `span` (0–60 s: every 10 s; 0–65 s: every 10 s; 0–3 s: every 0.5 s).
    static func tickStep(_ span: Double) -> Double {
        var step = niceCeiling(span / 8)
        if span / step > 8 { step = niceCeiling(step * 1.01) }
        return step
    }

    /// The smallest 1, 2 or 5 × 10ⁿ at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        while magnitude > value { magnitude /= 10 }
        for factor in [1.0, 2, 5, 10] where magnitude * factor >= value { return magnitude * factor }
        return magnitude * 10
    }

    /// A tick label with at most two decimals and no trailing zeros.
    static func label(_ value: Double) -> String {
        if value == value.rounded() { return "\(Int(value))" }
        let text = MarkdownSummary.format(value)
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    private func escape(_ text: String) -> String { JUnitReport.escape(text) }
}
