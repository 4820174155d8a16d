@testable import Analysis
import Foundation
import XCTest
@testable import Render

/// The rank-flow chart draws one box per ranked term and one band per term kept from a
/// period to the next, coloured by how many periods a term is in.
final class RankFlowChartTests: XCTestCase {
    private func flow(_ periods: [[String]]) -> TopPerPeriod {
        TopPerPeriod(by: .month, timeZone: "UTC", periods: periods.enumerated().map { i, terms in
            .init(start: String(format: "2012-%02d-01", i + 1),
                  rows: terms.enumerated().map { TermCount(term: $1, label: $1.uppercased(), tweets: Int64(10 - $0)) })
        })
    }

    private func count(_ needle: String, in s: String) -> Int { s.components(separatedBy: needle).count - 1 }

    func testBoxesAndBandsFollowTheRanks() {
        // Bands, counted by hand: a (1→2), b (2→1), then b (1→1); c appears once, d twice but not in a row.
        let svg = RankFlowChart.svg(flow([["a", "b", "d"], ["b", "a"], ["b", "d", "c"], []]), sign: "#")
        XCTAssertEqual(count("<rect", in: svg), 8)
        XCTAssertEqual(count("<path", in: svg), 3)
        XCTAssertTrue(svg.contains(">#A<") && svg.contains("#C: rank 3 in 2012-03, 8 tweets"), svg)
        XCTAssertEqual(count(">2012-04<", in: svg), 1, "an empty period keeps its column")
    }

    func testTheEightTermsInMostPeriodsGetThePaletteTheRestGrey() {
        let periods = [(0..<10).map { "t\($0)" }, (0..<9).map { "t\($0)" }, ["t0"]]
        let colours = RankFlowChart.colours(flow(periods))
        // t0 is in 3 periods; t1…t8 in 2 (t1 has the most tweets of them, 9 + 9); t9 in 1.
        XCTAssertEqual(colours["t0"], SVGCharts.palette[0])
        XCTAssertEqual(colours["t1"], SVGCharts.palette[1])
        XCTAssertEqual(colours.count, 8)
        XCTAssertNil(colours["t8"])
        XCTAssertNil(colours["t9"])
    }

    func testLongLabelsAreCutToTheirBox() {
        XCTAssertEqual(RankFlowChart.shortened("#kort"), "#kort")
        let cut = RankFlowChart.shortened("#hetnieuwewerkenindeoverheid")
        XCTAssertTrue(cut.hasSuffix("…"))
        XCTAssertLessThanOrEqual(cut.count, 13)
    }
}
