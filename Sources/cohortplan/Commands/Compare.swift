import ArgumentParser
import Foundation
import GLPK
import PlanChecker
import PlannerDomain
import PlannerHTML
import PlannerReporting
import PlannerWhatIf
import ScenarioIO

extension CohortPlan {
  /// `cohortplan compare`: what-if variants solved side by side.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Solve what-if variants side by side and compare their key figures.",
      discussion: """
        Give several scenario files, or one scenario with variants: each `--variant NAME` starts a \
        variant, and the --set and --add-specialist flags after it change it. The first column is \
        the scenario as written (`base`); every other column shows its difference to the first. \
        Overrides before the first --variant apply to every column; with no --variant at all they \
        form one variant compared with the base.

        Overrides (README.md, "What-if"):
          PATH=VALUE   set a key       caseload.cap=90
          PATH+=VALUE  append to list  'specialists+={id: SP6, languages: [nl]}'
          PATH-=NAME   remove entry    specialists-=SP5
        PATH is keys joined by dots; [NAME] picks the list entry with that id (or that 0-based \
        index), as in programmes[ehv-voortraject].starts=[3,9]. VALUE is YAML; quote the \
        override for the shell when it has spaces or braces. \
        --add-specialist ID[:FTE] adds a specialist (FTE 1 unless given) with the languages of \
        the last specialist listed. --variants FILE reads named variants from YAML:
          cap 90: {caseload.cap: 90}
          six specialists: {add-specialist: SP6}

        Rows: team FTE, cap, clients, waiting months, mean / P90 / max wait, late intakes, cohorts \
        opened and mean fill, peak caseload against the cap (the fullest specialist), clients \
        without intake, unstarted steps, solver status and gap; then waits by route, profile, \
        language and provider. Variants are solved in parallel, each on its own thread \
        (--threads); the output does not depend on the thread count when every solve finishes \
        within its --time-limit. Every plan is verified by the independent checker.

        With --out DIR: DIR/comparison.json, DIR/comparison.csv and DIR/NAME/plan.json per \
        variant (NAME: the label in lower case, other characters as '-'), each written atomically.

        Exit codes:
          0    every variant has a plan (optimal, within --gap or best by --time-limit)
          1    a scenario, variant, override or variants file is invalid
          2    an input cannot be read or an output cannot be written
          3    a variant is infeasible: its pins cannot all hold (others still shown)
          4    a variant found no plan before the time limit (others still shown)
          5    a variant could not be solved, or a plan failed the independent check
          130  interrupted (the best plans found so far are shown)
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
      case text
      case json
      case csv
    }

    @Argument(help: "Scenario files (YAML, format version 1); with one, give variants as below.")
    var scenarios: [String]

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Start a variant called NAME; the --set and --add-specialist after it belong to it.", valueName: "name"))
    var variant: [String] = []

    @Option(
      name: .customLong("set"),
      help: ArgumentHelp("An override PATH=VALUE, PATH+=VALUE or PATH-=NAME (see below).", valueName: "override"))
    var overrides: [String] = []

    @Option(
      name: .long,
      help: ArgumentHelp(
        "Add a specialist ID[:FTE] with the last listed specialist's languages.", valueName: "id[:fte]"))
    var addSpecialist: [String] = []

    @Option(
      name: .customLong("variants"), help: ArgumentHelp("Read named variants from this YAML file.", valueName: "file"))
    var variantsFile: String?

    @Option(name: .long, help: "stdout: the comparison as a table, JSON or CSV.")
    var format: OutputFormat = .text

    @Option(
      name: .long,
      help: ArgumentHelp("Write comparison.json, comparison.csv and each variant's plan.json here.", valueName: "dir"))
    var out: String?

    @Option(
      name: .long,
      help: ArgumentHelp("Also write a self-contained HTML report of the variants side by side.", valueName: "file"))
    var html: String?

    @Option(name: .long, help: ArgumentHelp("Solves at a time (default: the number of cores).", valueName: "n"))
    var threads: Int?

    @OptionGroup var solve: SolveFlags

    func validate() throws {
      if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
      if scenarios.isEmpty { throw ValidationError("name at least one scenario file") }
      if scenarios.count > 1 && (!variant.isEmpty || variantsFile != nil) {
        throw ValidationError(
          "--variant and --variants need a single scenario file; with several files, each is a variant")
      }
      if scenarios.count == 1 && variant.isEmpty && variantsFile == nil && overrides.isEmpty && addSpecialist.isEmpty {
        throw ValidationError("one scenario needs variants: --variant NAME --set PATH=VALUE, or --variants FILE")
      }
    }

    func run() throws {
      let plans = try VariantInput(command: self).load()
      let interrupts = InterruptHandling()
      let threadCount = threads ?? ParallelSolves.availableThreads
      let clock = ContinuousClock()
      let started = clock.now
      let total = plans.count
      let quiet = solve.quiet
      let options = WhatIfOptions(
        planning: solve.planningOptions(
          progress: ProgressReporter(enabled: false, label: ""), interruption: interrupts.interruption),
        threads: threadCount,
        finished: { index, result in
          guard !quiet else { return }
          Terminal.error(
            "solved \(result.label) (\(index + 1) of \(total)): \(result.plan.status.rawValue), "
              + "\(result.plan.waitingMonths) waiting months")
        })
      let comparison = Comparison.solve(plans, solver: GLPKSolver(), options: options)
      if !quiet {
        let seconds = (clock.now - started) / .seconds(1)
        Terminal.error(
          "\(total) variants in \(String(format: "%.1f", seconds)) s on \(min(threadCount, total)) thread(s)")
      }
      let verified = Self.verify(comparison)
      if let out { try write(comparison, to: out) }
      if let html { try writeReport(comparison, to: html) }
      switch format {
      case .text: print(comparison.text(), terminator: "")
      case .json: print(comparison.json(), terminator: "")
      case .csv: print(comparison.csv(), terminator: "")
      }
      if let out, format == .text { print("written: \(out)/comparison.json, comparison.csv, */plan.json") }
      if interrupts.interruption.isRaised || comparison.results.contains(where: { $0.plan.status == .interrupted }) {
        throw ExitCode(130)
      }
      if !verified || comparison.results.contains(where: { $0.failure != nil }) { throw ExitCode(5) }
      if comparison.results.contains(where: { $0.plan.status == .infeasible }) { throw ExitCode(3) }
      if comparison.results.contains(where: { !$0.hasPlan }) { throw ExitCode(4) }
    }

    /// The comparison report: key figures side by side, then each variant's charts.
    private func writeReport(_ comparison: Comparison, to path: String) throws {
      let variants = comparison.results.filter(\.hasPlan).map {
        HTMLReport.Variant(label: $0.label, plan: $0.plan, scenario: $0.variant.scenario)
      }
      do {
        try OutputFile.write(HTMLReport.comparison(variants), to: path, protecting: scenarios)
      } catch {
        Terminal.error("error: \(error)")
        throw ExitCode(2)
      }
    }

    /// Checks every plan against its own scenario; false, after reporting, if any fails.
    static func verify(_ comparison: Comparison) -> Bool {
      var valid = true
      for result in comparison.results where result.hasPlan {
        let report = PlanChecker.check(planJSON: Data(PlanJSON.text(result.plan).utf8), scenario: result.scenario)
        guard !report.isValid else { continue }
        valid = false
        Terminal.error("error: the plan of \(result.label) failed the independent check:")
        for violation in report.violations.prefix(20) { Terminal.error("  \(violation)") }
      }
      return valid
    }

    private func write(_ comparison: Comparison, to folder: String) throws {
      var files = [("comparison.json", comparison.json()), ("comparison.csv", comparison.csv())]
      for (result, name) in zip(comparison.results, Self.folderNames(comparison.labels)) where result.hasPlan {
        files.append((name + "/plan.json", PlanJSON.text(result.plan)))
      }
      let inputs = scenarios + (variantsFile.map { [$0] } ?? [])
      do {
        for (name, text) in files { try OutputFile.write(text, to: folder + "/" + name, protecting: inputs) }
      } catch {
        Terminal.error("error: \(error)")
        throw ExitCode(2)
      }
    }

    /// Folder names from labels: lower case, anything but letters, digits, `.` and `_` as `-`;
    /// a repeated name gets `-2`, `-3`, ….
    static func folderNames(_ labels: [String]) -> [String] {
      var used: Set<String> = []
      return labels.map { label in
        var name = String(
          label.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") ? $0 : "-" })
        if name.isEmpty || name.allSatisfy({ $0 == "." }) { name = "variant" }
        var candidate = name
        var number = 2
        while !used.insert(candidate).inserted {
          candidate = "\(name)-\(number)"
          number += 1
        }
        return candidate
      }
    }
  }
}

/// The variants of a `compare` command line, loaded and checked: one per scenario file, or the
/// base scenario and its variants from --variants and --variant.
private struct VariantInput {
  let command: CohortPlan.Compare

  func load() throws -> [WhatIfVariant] {
    let flags = try grouped()
    let common = try overrides(flags.common, variant: nil)
    var requests: [(label: String, file: String, overrides: [ScenarioOverride])] = []
    if command.scenarios.count > 1 {
      for (file, label) in zip(command.scenarios, Self.fileLabels(command.scenarios)) {
        requests.append((label, file, common))
      }
    } else {
      let file = command.scenarios[0]
      var named: [(String, [ScenarioOverride])] = []
      if let path = command.variantsFile {
        do {
          named += try VariantsFile.load(path: path).map { ($0.name, $0.overrides) }
        } catch {
          Terminal.error(error.diagnostics.map(\.description).joined(separator: "\n"))
          throw ExitCode(error.isUnreadable ? 2 : 1)
        }
      }
      for variant in flags.variants {
        named.append((variant.name, try overrides(variant.changes, variant: variant.name)))
      }
      if named.isEmpty {
        // Overrides without --variant: one variant against the base, named by its changes.
        requests = [("base", file, []), (common.map(\.text).joined(separator: " "), file, common)]
      } else {
        requests = [("base", file, common)] + named.map { ($0.0, file, common + $0.1) }
      }
    }
    try checkLabels(requests.map(\.label))
    var variants: [WhatIfVariant] = []
    var failure: ExitCode?
    for request in requests {
      do {
        let loaded = try ScenarioLoader.load(path: request.file, overrides: request.overrides)
        let changes =
          command.scenarios.count > 1 ? [request.file] + request.overrides.map(\.text) : request.overrides.map(\.text)
        variants.append(WhatIfVariant(label: request.label, changes: changes, scenario: loaded.scenario))
      } catch {
        Terminal.error("variant '\(request.label)':")
        Terminal.error(error.diagnostics.map(\.description).joined(separator: "\n"))
        let code: Int32 = error.isUnreadable ? 2 : 1
        failure = ExitCode(max(failure?.rawValue ?? 0, code))
      }
    }
    if let failure {
      Terminal.error("the variants above cannot be planned; fix them and run again")
      throw failure
    }
    return variants
  }

  /// The flags grouped by their place on the command line, checked against what the argument
  /// parser read.
  private func grouped() throws -> VariantFlags {
    var arguments = Array(CommandLine.arguments.dropFirst())
    if let index = arguments.firstIndex(of: "compare") { arguments = Array(arguments[(index + 1)...]) }
    var flags = VariantFlags.group(arguments)
    let consistent =
      flags.names == command.variant && flags.sets == command.overrides
      && flags.addedSpecialists == command.addSpecialist
    if !consistent {
      guard command.variant.count <= 1 else {
        throw ValidationError(
          "cannot tell which --set belongs to which --variant; list the variants in --variants FILE")
      }
      let changes =
        command.overrides.map(VariantFlags.Change.set) + command.addSpecialist.map(VariantFlags.Change.addSpecialist)
      flags =
        command.variant.first.map { VariantFlags(variants: [.init(name: $0, changes: changes)]) }
        ?? VariantFlags(common: changes)
    }
    return flags
  }

  private func overrides(_ changes: [VariantFlags.Change], variant: String?) throws -> [ScenarioOverride] {
    var result: [ScenarioOverride] = []
    var problems: [String] = []
    for change in changes {
      do throws(ScenarioOverrideError) {
        switch change {
        case .set(let text): result.append(try ScenarioOverride(parsing: text))
        case .addSpecialist(let text): result.append(try ScenarioOverride(addingSpecialist: text))
        }
      } catch {
        problems.append("error: " + (variant.map { "variant '\($0)': " } ?? "") + error.description)
      }
    }
    guard problems.isEmpty else {
      for problem in problems { Terminal.error(problem) }
      throw ExitCode(1)
    }
    return result
  }

  private func checkLabels(_ labels: [String]) throws {
    var seen: Set<String> = []
    for label in labels where !seen.insert(label).inserted {
      Terminal.error(
        "error: two variants are called '\(label)'; give each its own name ('base' is the scenario as written)")
      throw ExitCode(1)
    }
    if labels.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
      Terminal.error("error: a variant needs a name")
      throw ExitCode(1)
    }
  }

  /// File names without folder and `.yaml`, with the folder added where two are alike.
  static func fileLabels(_ files: [String]) -> [String] {
    let short = files.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
    return short.enumerated().map { index, name in
      short.filter { $0 == name }.count > 1 ? files[index] : name
    }
  }
}
