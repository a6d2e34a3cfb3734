extension Duration {
  /// The duration in seconds, for solve times and time limits.
  public var inSeconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}
