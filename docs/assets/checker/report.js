// The checker's report, made on the page from the results: Markdown for people, JSON for programs.
// Neither holds a password or a private key (the checker never returns them).

export function jsonReport(checks) {
  const options = checks.length ? checks[0].options : {};
  return JSON.stringify({
    generated: new Date().toISOString(),
    use: options.use,
    env: options.env,
    results: checks.map((check) => check.result),
  }, null, 2) + "\n";
}

export function markdownReport(checks, t) {
  const options = checks.length ? checks[0].options : {};
  const lines = [
    `# ${t("report_title")}`,
    "",
    t("report_options", {
      date: new Date().toISOString().slice(0, 10),
      use: t(`use_${options.use}`),
      env: t(`env_${options.env}`),
    }),
    "",
  ];
  for (const { result } of checks) {
    lines.push(`## ${result.file} — ${t(`verdict_${result.verdict}`)}`, "");
    lines.push(`${t("kind")} ${t(`kind_${result.kind}`, {}, result.kind)}`, "");
    for (const finding of result.findings) {
      lines.push(`### ${t(`severity_${finding.severity}`)}: ${finding.title} (\`${finding.code}\`)`, "");
      lines.push(`**${t("why")}.** ${finding.why}`, "");
      lines.push(`**${t("fix")}.** ${finding.fix}`, "");
      if (finding.detail) lines.push(`${t("detail")}: ${finding.detail}`, "");
    }
  }
  lines.push("---", "", t("report_note"), "");
  return lines.join("\n");
}
