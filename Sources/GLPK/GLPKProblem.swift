internal import CGLPK
internal import CGLPKSafe
import OptimizationModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A loaded GLPK problem, alive only inside ``withLoaded(_:log:_:)`` on one thread.
struct GLPKProblem: ~Copyable {
  let pointer: OpaquePointer
  let generation: UInt
  let model: LinearModel

  /// Creates the GLPK problem for `model`, runs `body`, and deletes the problem on the same
  /// thread, unless a caught GLPK error already freed it.
  static func withLoaded<Result>(
    _ model: LinearModel, log: (@Sendable (String) -> Void)?, _ body: (borrowing GLPKProblem) throws -> Result
  ) throws -> Result {
    let logBox = log.map(LogForwarder.init)
    if let logBox {
      cglpk_set_log(forwardLog, Unmanaged.passUnretained(logBox).toOpaque())
    } else {
      cglpk_set_log(nil, nil)
    }
    defer {
      cglpk_set_log(nil, nil)
      withExtendedLifetime(logBox) {}
    }
    var raw: OpaquePointer?
    try check(cglpk_create(&raw))
    guard let raw else { throw SolverError.solverFailure("glp_create_prob returned no problem") }
    let problem = GLPKProblem(pointer: raw, generation: cglpk_generation(), model: model)
    defer { cglpk_delete(raw, problem.generation) }
    try problem.load()
    return try body(problem)
  }

  /// Turns a guarded call's code into a thrown error carrying GLPK's own message.
  static func check(_ code: Int32) throws {
    if code == CGLPK_CAUGHT {
      let message = String(cString: cglpk_last_error()).trimmingTrailingWhitespace()
      throw SolverError.solverFailure(message.isEmpty ? "GLPK raised an error" : message)
    }
  }

  private func load() throws {
    let rows = model.constraints
    let columns = model.variables
    var rowType: [Int32] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    for row in rows {
      let bounds = Self.boundType(row.lower, row.upper)
      rowType.append(bounds.type)
      rowLower.append(bounds.lower)
      rowUpper.append(bounds.upper)
    }
    var columnType: [Int32] = []
    var columnLower: [Double] = []
    var columnUpper: [Double] = []
    var columnKind: [Int32] = []
    var cost: [Double] = []
    for column in columns {
      let bounds = Self.boundType(column.lower, column.upper)
      columnType.append(bounds.type)
      columnLower.append(bounds.lower)
      columnUpper.append(bounds.upper)
      columnKind.append(Self.kind(column.kind))
      cost.append(column.cost)
    }
    // GLPK's matrix arrays are 1-based; element 0 is ignored.
    var matrixRow: [Int32] = [0]
    var matrixColumn: [Int32] = [0]
    var matrixValue: [Double] = [0]
    for (rowIndex, row) in rows.enumerated() {
      for term in row.terms {
        matrixRow.append(Int32(rowIndex + 1))
        matrixColumn.append(Int32(term.variable.index + 1))
        matrixValue.append(term.coefficient)
      }
    }
    let rowNames = CStringArray(rows.map(\.name))
    let columnNames = CStringArray(columns.map(\.name))
    defer {
      rowNames.free()
      columnNames.free()
    }
    let code = model.name.withCString { name in
      var description = cglpk_model()
      description.rows = Int32(rows.count)
      description.cols = Int32(columns.count)
      description.objective_constant = model.objectiveConstant
      description.maximize = model.sense == .maximize ? 1 : 0
      description.nonzeros = Int32(matrixValue.count - 1)
      description.name = name
      return rowType.withUnsafeBufferPointer { rowType in
        rowLower.withUnsafeBufferPointer { rowLower in
          rowUpper.withUnsafeBufferPointer { rowUpper in
            columnType.withUnsafeBufferPointer { columnType in
              columnLower.withUnsafeBufferPointer { columnLower in
                columnUpper.withUnsafeBufferPointer { columnUpper in
                  columnKind.withUnsafeBufferPointer { columnKind in
                    cost.withUnsafeBufferPointer { cost in
                      matrixRow.withUnsafeBufferPointer { matrixRow in
                        matrixColumn.withUnsafeBufferPointer { matrixColumn in
                          matrixValue.withUnsafeBufferPointer { matrixValue in
                            description.row_bound_type = rowType.baseAddress
                            description.row_lower = rowLower.baseAddress
                            description.row_upper = rowUpper.baseAddress
                            description.row_names = UnsafePointer(rowNames.pointer)
                            description.col_bound_type = columnType.baseAddress
                            description.col_lower = columnLower.baseAddress
                            description.col_upper = columnUpper.baseAddress
                            description.col_kind = columnKind.baseAddress
                            description.objective = cost.baseAddress
                            description.col_names = UnsafePointer(columnNames.pointer)
                            description.matrix_row = matrixRow.baseAddress
                            description.matrix_col = matrixColumn.baseAddress
                            description.matrix_value = matrixValue.baseAddress
                            return cglpk_load(pointer, &description)
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    try Self.check(code)
  }

  /// GLPK encodes "no bound" in the bound type, never as an infinite value.
  private static func boundType(_ lower: Double?, _ upper: Double?) -> (type: Int32, lower: Double, upper: Double) {
    switch (lower, upper) {
    case (nil, nil): return (GLP_FR, 0, 0)
    case (let lower?, nil): return (GLP_LO, lower, 0)
    case (nil, let upper?): return (GLP_UP, 0, upper)
    case (let lower?, let upper?): return (lower == upper ? GLP_FX : GLP_DB, lower, upper)
    }
  }

  private static func kind(_ kind: VariableKind) -> Int32 {
    switch kind {
    case .continuous: return GLP_CV
    case .integer: return GLP_IV
    case .binary: return GLP_BV
    }
  }

  enum FileFormat { case mps, cplexLP }

  func write(to path: String, format: FileFormat) throws {
    var result: Int32 = 0
    let code = path.withCString { path in
      format == .mps ? cglpk_write_mps(pointer, path, &result) : cglpk_write_lp(pointer, path, &result)
    }
    try Self.check(code)
    if result != 0 { throw SolverError.fileWriteFailed(path: path, reason: "GLPK could not write the file") }
  }

  /// Reads the objective and all column values of the LP (`mip: false`) or MIP solution.
  func readSolution(mip: Bool) throws -> (objective: Double, values: [Double]) {
    var objective = 0.0
    var values = [Double](repeating: 0, count: model.variables.count)
    let code = values.withUnsafeMutableBufferPointer {
      cglpk_read_solution(pointer, mip ? 1 : 0, &objective, $0.baseAddress)
    }
    try Self.check(code)
    return (objective, values)
  }
}

/// Keeps C copies of Swift strings alive for one GLPK call.
private struct CStringArray {
  let pointer: UnsafeMutablePointer<UnsafePointer<CChar>?>
  let count: Int

  init(_ strings: [String]) {
    count = strings.count
    pointer = .allocate(capacity: max(count, 1))
    for (index, string) in strings.enumerated() { pointer[index] = UnsafePointer(strdup(string)) }
  }

  func free() {
    for index in 0..<count { releaseCString(pointer[index]) }
    pointer.deallocate()
  }
}

private func releaseCString(_ string: UnsafePointer<CChar>?) {
  free(UnsafeMutableRawPointer(mutating: string))
}

final class LogForwarder: Sendable {
  let log: @Sendable (String) -> Void
  init(_ log: @escaping @Sendable (String) -> Void) { self.log = log }
}

private func forwardLog(context: UnsafeMutableRawPointer?, text: UnsafePointer<CChar>?) {
  guard let context, let text else { return }
  let forwarder = Unmanaged<LogForwarder>.fromOpaque(context).takeUnretainedValue()
  forwarder.log(String(cString: text))
}

extension String {
  func trimmingTrailingWhitespace() -> String {
    var result = self
    while let last = result.last, last.isWhitespace { result.removeLast() }
    return result
  }
}
