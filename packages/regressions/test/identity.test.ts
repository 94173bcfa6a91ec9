import { createIdentity, type IdentityInput } from "@codexrel/regressions";
import { describe, expect, test } from "vitest";

describe("default identity", () => {
  // The default fields (suite, classname, name) must give the ids the field rule gives with a null file.
  const general = createIdentity({ fields: ["suite", "classname", "name", "file"] });
  const fast = createIdentity();
  const values = [null, "", "A", "B", "a.b.C", "n"];

  test("matches the general field rule for every combination of equal, empty and distinct parts", () => {
    let compared = 0;
    for (const suite of values)
      for (const classname of values)
        for (const name of values) {
          const t: IdentityInput = { suite, classname, name: name ?? "", file: null };
          expect(fast(t)).toBe(general(t));
          compared += 1;
        }
    expect(compared).toBe(values.length ** 3);
  });

  test("ends with the name whenever the name is not empty (the JUnit parser keeps the name as a view into the id)", () => {
    for (const suite of values)
      for (const classname of values)
        for (const name of values) {
          if (!name) continue;
          expect(fast({ suite, classname, name, file: null }).endsWith(name)).toBe(true);
        }
    // One function for the default fields, whatever way they are asked for: the parser tests for it.
    expect(createIdentity({})).toBe(fast);
    expect(createIdentity({ fields: ["suite", "classname", "name"] })).toBe(fast);
    expect(createIdentity({ caseInsensitive: true })).not.toBe(fast);
  });

  test("drops a part equal to the one before it and joins the rest with ::", () => {
    expect(fast({ suite: "pkg.FooTest", classname: "pkg.FooTest", name: "works", file: null })).toBe(
      "pkg.FooTest::works",
    );
    expect(fast({ suite: "math", classname: "adds", name: "adds", file: null })).toBe("math::adds");
    expect(fast({ suite: null, classname: null, name: "", file: null })).toBe("(unnamed)");
  });
});
