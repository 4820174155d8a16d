/// The planted account communities: every account belongs to the group of its home hashtag
/// cluster and mostly mentions, replies to and retweets members of that group; one account
/// in a hundred (index ≡ 50 mod 100) is a broker that addresses all groups alike, and the
/// others address the brokers now and then. `twindex network --kind interaction
/// --corpus-only` should find the groups, with the brokers on top by betweenness.
struct AccountGroups: Sendable {
    /// Of an ordinary account's mentions of colleagues: the share going to brokers, and
    /// the share going to any account (the rest stay within its group).
    static let toBrokers = 0.08, toAnyone = 0.02

    /// Account indices by group.
    let members: [[Int]]
    /// Broker indices.
    let brokers: [Int]
    /// Every account index.
    let everyone: [Int]

    init(_ accounts: [Account], groupCount: Int) {
        var members = [[Int]](repeating: [], count: groupCount)
        for a in accounts { members[a.homeCluster].append(a.index) }
        self.members = members
        brokers = accounts.filter(\.isBroker).map(\.index)
        everyone = accounts.map(\.index)
    }

    /// The colleague `account` addresses for the random draw `r`: the high bits choose the
    /// pool, the whole draw the member (one draw, so the rest of the corpus is as before).
    func colleague(of account: Account, draw r: UInt64) -> Int {
        let decision = Double(r >> 44) / Double(1 << 20)
        let pool: [Int]
        if account.isBroker || decision < Self.toBrokers + Self.toAnyone {
            pool = !account.isBroker && decision < Self.toBrokers && !brokers.isEmpty ? brokers : everyone
        } else {
            pool = members[account.homeCluster]
        }
        return pool[Int(r % UInt64(pool.count))]
    }
}
