import OptimizationModel

/// Deterministic instances that keep branch and bound busy.
enum HardInstances {
  /// A multidimensional 0-1 knapsack with correlated weights and values (hard for GLPK without
  /// cuts): maximise Σ value·x subject to `constraints` capacity rows at half the total weight.
  static func multidimensionalKnapsack(items: Int, constraints: Int, seed: UInt64) -> LinearModel {
    var generator = SplitMix64(seed: seed)
    var model = LinearModel(name: "mkp", sense: .maximize)
    var weights: [[Double]] = []
    for _ in 0..<constraints {
      weights.append((0..<items).map { _ in Double(generator.next() % 900 + 100) })
    }
    let variables = (0..<items).map { item in
      let averageWeight = weights.reduce(0) { $0 + $1[item] } / Double(constraints)
      return model.addVariable(
        "x\(item)", kind: .binary, cost: (averageWeight + Double(generator.next() % 50)).rounded())
    }
    for (row, rowWeights) in weights.enumerated() {
      var expression = LinearExpression()
      for (item, weight) in rowWeights.enumerated() { expression.add(variables[item], weight) }
      model.addLessOrEqual("capacity", String(row), expression, (rowWeights.reduce(0, +) / 2).rounded())
    }
    return model
  }
}

/// A small seeded generator so instances are the same on every machine.
struct SplitMix64 {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
