// Page object for the workspace (terminal + commit graph), through the stable
// data-testid hooks of DESIGN.md §5.
export class WorkspacePage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    this.errors = [];
    page.on("console", (m) => m.type() === "error" && this.errors.push(m.text()));
    page.on("pageerror", (e) => this.errors.push(String(e)));
  }

  async open(path = "/sandbox") {
    await this.page.goto(this.baseUrl + path);
    await this.page.waitForSelector('#app[data-ready="1"]', { timeout: 15000 });
  }

  input() {
    return this.page.getByTestId("terminal-input");
  }

  async run(line) {
    const before = await this.page.locator(".b2p-terminal__entry").count();
    await this.input().fill(line);
    await this.input().press("Enter");
    await this.page.locator(".b2p-terminal__entry").nth(before).waitFor();
    return this.lastOutput();
  }

  async lastOutput() {
    return (await this.page.locator(".b2p-terminal__entry").last().locator(".b2p-terminal__text").textContent()) ?? "";
  }

  async outputText() {
    return (await this.page.getByTestId("terminal-output").textContent()) ?? "";
  }

  /** Branch labels in the graph: name → commit id it points at. */
  async branchLabels() {
    return this.page.getByTestId("commit-graph").evaluate((svg) => {
      const out = {};
      for (const el of svg.querySelectorAll("[data-branch]")) {
        out[el.getAttribute("data-branch")] = el.closest("[data-commit]").getAttribute("data-commit");
      }
      return out;
    });
  }

  async headBranch() {
    return this.page.getByTestId("commit-graph").locator('[data-head="true"]').getAttribute("data-branch");
  }

  async commitCount() {
    return this.page.getByTestId("commit-graph").locator("[data-commit]").count();
  }

  /** Server cards: name → { deployed, status }. */
  async servers() {
    return this.page.getByTestId("server-card").evaluateAll((els) =>
      Object.fromEntries(els.map((e) => [e.dataset.server, { deployed: e.dataset.deployed, status: e.dataset.status }])),
    );
  }

  /** What a learner sees of the world: the graph (commits, every label and
   * what it points at), HEAD, the servers, the pull requests. */
  async world() {
    return this.page.evaluate(() => {
      const svg = document.querySelector('[data-testid="commit-graph"]');
      const labels = [...svg.querySelectorAll("tspan[data-branch], tspan[data-remote], tspan[data-server]")].map(
        (t) => `${t.textContent.trim()} @ ${t.closest("[data-commit]").dataset.commit}`,
      );
      return {
        commits: [...svg.querySelectorAll("[data-commit]")].map((g) => g.dataset.commit),
        labels: labels.sort(),
        head: document.querySelector('[data-testid="head-status"]').textContent,
        servers: Object.fromEntries(
          [...document.querySelectorAll('[data-testid="server-card"]')].map((e) => [e.dataset.server, `${e.dataset.status} ${e.dataset.deployed}`]),
        ),
        pulls: [...document.querySelectorAll("[data-pr]")].map((p) => `#${p.dataset.pr} ${p.dataset.state}`),
      };
    });
  }

  /** Submits the engine's form `name` after filling `fields` (name → value). */
  async submitForm(name, fields = {}) {
    const before = await this.page.locator(".b2p-terminal__entry").count();
    const form = this.page.locator(`form[data-form="${name}"]`).first();
    for (const [field, value] of Object.entries(fields)) {
      const input = form.locator(`[name="${field}"]`);
      if ((await input.evaluate((e) => e.tagName)) === "SELECT") await input.selectOption(value);
      else await input.fill(value);
    }
    await form.locator('button[type="submit"]').click();
    await this.page.locator(".b2p-terminal__entry").nth(before).waitFor();
    return this.lastLine();
  }

  /** Clicks the action button `name` (its first, in page order). */
  async clickAction(name, scope = this.page) {
    const before = await this.page.locator(".b2p-terminal__entry").count();
    await scope.locator(`button[data-action="${name}"]`).first().click();
    await this.page.locator(".b2p-terminal__entry").nth(before).waitFor();
    return this.lastLine();
  }

  /** The command line the newest terminal entry shows (the echo of a button). */
  async lastLine() {
    const text = await this.page.locator(".b2p-terminal__entry").last().locator(".b2p-terminal__line").textContent();
    return text.replace(/^\$ /, "");
  }

  /** The share link, once it holds `commands` commands (it is computed a
   * moment after the last change). */
  async shareLink(commands) {
    const input = this.page.locator(`[data-testid="share-link"][data-commands="${commands}"]`);
    await input.waitFor({ state: "attached" });
    return input.inputValue();
  }

  /** The notice at the top of the page: its tone and text ("" when none). */
  async notice() {
    const n = this.page.getByTestId("notice");
    return { tone: (await n.getAttribute("data-tone")) ?? "", text: ((await n.locator("p").textContent().catch(() => "")) ?? "").trim() };
  }

  serverButton(server, name) {
    return this.page.locator(`[data-testid="server-card"][data-server="${server}"]`).getByRole("button", { name });
  }
}
