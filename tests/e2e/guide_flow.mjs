// The guide's whole flow — feature → development → main → staging →
// production, then the same commit promoted — as the lines a learner types,
// each with the click that must echo exactly it.
export const FEATURE = "feature/new-chatbot-intent";
export const MESSAGE = "Add product inquiry intent";

// Each step: the line a learner types, and the click that must echo exactly it.
export const FLOW = [
  [`git checkout -b ${FEATURE} development`, (ws) => ws.submitForm("branch", { name: FEATURE, start: "development" })],
  ["edit product-inquiry", (ws) => ws.submitForm("edit", { change: "product-inquiry" })],
  ["git add .", (ws) => ws.clickAction("add")],
  [`git commit -m '${MESSAGE}'`, (ws) => ws.submitForm("commit", { message: MESSAGE })],
  [`git push -u origin ${FEATURE}`, (ws) => ws.clickAction("push")],
  [`gh pr create --base development --title '${MESSAGE}' --body ''`, (ws) => ws.submitForm("pr-create", { base: "development", title: MESSAGE })],
  ["@teammate gh pr review 1 --approve", (ws) => ws.clickAction("pr-review")],
  ["gh pr merge 1 --merge", (ws) => ws.clickAction("pr-merge")],
  ["git checkout development", (ws) => ws.submitForm("switch", { branch: "development" })],
  ["git pull", (ws) => ws.clickAction("pull")],
  ["git checkout main", (ws) => ws.submitForm("switch", { branch: "main" })],
  ["git merge development", (ws) => ws.submitForm("merge", { branch: "development" })],
  ["git push", (ws) => ws.clickAction("push")],
  ["deploy production", (ws) => ws.clickAction("promote")],
];

