// The coding puzzle player: a Blockly workspace with only the level's blocks,
// keyboard navigation (Blockly's plugin), the program as text, and the maze.
// The server replays the program and decides; this script only shows the
// server's trace. Words come translated from the page (#puzzle-words).
(function () {
  "use strict";

  const level = JSON.parse(document.getElementById("puzzle-level").textContent);
  const words = JSON.parse(document.getElementById("puzzle-words").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const CELL = 32;
  const STEP_MS = 350;
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

  const fill = (text, values) =>
    text.replace(/%\((\w+)\)s/g, (_, name) => String(values[name]));

  // --- blocks ---------------------------------------------------------------
  const COLOURS = { move: 210, loop: 120, test: 290, fn: 20, start: 45 };
  const statement = (type, colour, extra) =>
    Object.assign(
      { type, message0: words.blocks[type], previousStatement: null, nextStatement: null, colour },
      extra || {}
    );
  const pathDropdown = {
    type: "field_dropdown",
    name: "DIRECTION",
    options: ["AHEAD", "LEFT", "RIGHT"].map((key) => [words.paths[key], key]),
  };
  const body = { message1: "%1", args1: [{ type: "input_statement", name: "DO" }] };
  Blockly.defineBlocksWithJsonArray([
    { type: "maze_start", message0: words.blocks.maze_start, nextStatement: null, colour: COLOURS.start },
    statement("maze_move_forward", COLOURS.move),
    statement("maze_turn_left", COLOURS.move),
    statement("maze_turn_right", COLOURS.move),
    statement("maze_repeat", COLOURS.loop, Object.assign({
      args0: [{ type: "field_number", name: "TIMES", value: 2, min: 1, max: 20, precision: 1 }],
    }, body)),
    statement("maze_repeat_until_goal", COLOURS.loop, body),
    statement("maze_if_path", COLOURS.test, Object.assign({ args0: [pathDropdown] }, body)),
    statement("maze_if_else_path", COLOURS.test, Object.assign({ args0: [pathDropdown] }, body, {
      message2: words.blocks.else, message3: "%1",
      args3: [{ type: "input_statement", name: "ELSE" }],
    })),
    Object.assign({ type: "maze_function_define", message0: words.blocks.maze_function_define, colour: COLOURS.fn }, body),
    statement("maze_function_call", COLOURS.fn),
  ]);

  const TOOLBOX = {
    move: ["maze_move_forward"],
    turn_left: ["maze_turn_left"],
    turn_right: ["maze_turn_right"],
    repeat: ["maze_repeat"],
    repeat_until: ["maze_repeat_until_goal"],
    if: ["maze_if_path"],
    if_else: ["maze_if_else_path"],
    function: ["maze_function_define", "maze_function_call"],
  };
  const toolbox = {
    kind: "flyoutToolbox",
    contents: Object.keys(TOOLBOX)
      .filter((key) => level.blocks.includes(key))
      .flatMap((key) => TOOLBOX[key].map((type) => ({ kind: "block", type }))),
  };

  // --- workspace ------------------------------------------------------------
  KeyboardNavigation.registerKeyboardNavigationStyles();
  KeyboardNavigation.registerFlyoutCursor();
  const workspace = Blockly.inject("workspace", {
    toolbox,
    renderer: "zelos",
    sounds: false,
    trashcan: false,
    zoom: { controls: false, wheel: false, startScale: 0.7 },
    move: { scrollbars: true, drag: true, wheel: false },
    maxInstances: { maze_start: 1, maze_function_define: 1 },
  });
  new KeyboardNavigation(workspace);
  const storageKey = `digiskills-puzzle-${level.number}`;
  const saved = window.sessionStorage.getItem(storageKey);
  if (saved) {
    try {
      Blockly.serialization.workspaces.load(JSON.parse(saved), workspace);
    } catch (error) {
      workspace.clear();
    }
  }
  if (!workspace.getBlocksByType("maze_start").length) {
    const start = workspace.newBlock("maze_start");
    start.moveBy(16, 16);
    start.initSvg();
    start.render();
  }
  workspace.getBlocksByType("maze_start").forEach((block) => block.setDeletable(false));

  // --- the program as text -------------------------------------------------
  const label = (block) => {
    const text = words.blocks[block.type] || block.type;
    if (block.type === "maze_repeat") return text.replace("%1", block.getFieldValue("TIMES"));
    if (block.type === "maze_if_path" || block.type === "maze_if_else_path") {
      return text.replace("%1", words.paths[block.getFieldValue("DIRECTION")]);
    }
    return text;
  };
  const describeStack = (block, depth, lines) => {
    for (let current = block; current; current = current.getNextBlock()) {
      lines.push("  ".repeat(depth) + label(current));
      const inner = current.getInputTargetBlock && current.getInputTargetBlock("DO");
      if (current.getInput("DO")) describeStack(inner, depth + 1, lines);
      if (current.getInput("ELSE")) {
        lines.push("  ".repeat(depth) + words.blocks.else);
        describeStack(current.getInputTargetBlock("ELSE"), depth + 1, lines);
      }
    }
  };
  const programText = document.getElementById("program-text");
  const showProgram = () => {
    const lines = [];
    const top = workspace.getTopBlocks(true);
    // "when run" first, then the function; what hangs under them is indented.
    ["maze_start", "maze_function_define"].forEach((type) =>
      top.filter((b) => b.type === type).forEach((b) => {
        lines.push(label(b));
        if (b.type === "maze_start") describeStack(b.getNextBlock(), 1, lines);
        else describeStack(b.getInputTargetBlock("DO"), 1, lines);
        lines.push("");
      })
    );
    const loose = top.filter((b) => b.type !== "maze_start" && b.type !== "maze_function_define");
    if (loose.length) {
      lines.push(words.loose);
      loose.forEach((b) => describeStack(b, 1, lines));
    }
    if (workspace.getAllBlocks(false).length <= 1) lines.splice(1, 0, "  " + words.emptyProgram);
    programText.textContent = lines.join("\n").trim();
  };
  workspace.addChangeListener((event) => {
    if (event.isUiEvent) return;
    showProgram();
    window.sessionStorage.setItem(
      storageKey, JSON.stringify(Blockly.serialization.workspaces.save(workspace))
    );
  });
  showProgram();

  // --- the maze ------------------------------------------------------------
  const maze = level.maze;
  const svg = document.getElementById("maze");
  const width = maze.rows[0].length;
  const height = maze.rows.length;
  svg.setAttribute("viewBox", `0 0 ${width * CELL} ${height * CELL}`);
  svg.style.maxWidth = `${width * CELL}px`;
  const element = (name, attributes) => {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
    svg.appendChild(node);
    return node;
  };
  maze.rows.forEach((row, y) =>
    [...row].forEach((mark, x) =>
      element("rect", {
        x: x * CELL, y: y * CELL, width: CELL, height: CELL,
        class: mark === "#" ? "maze__wall" : "maze__path",
      })
    )
  );
  const flag = element("text", {
    x: maze.goal.x * CELL + CELL / 2, y: maze.goal.y * CELL + CELL * 0.75,
    class: "maze__flag", "text-anchor": "middle", "aria-hidden": "true",
  });
  flag.textContent = "⚑";
  const robot = element("g", { class: "maze__robot", "aria-hidden": "true" });
  robot.appendChild(document.createElementNS(SVG, "circle"));
  robot.firstChild.setAttribute("r", CELL * 0.38);
  const nose = document.createElementNS(SVG, "path");
  nose.setAttribute("d", `M ${CELL * 0.1} ${-CELL * 0.22} L ${CELL * 0.42} 0 L ${CELL * 0.1} ${CELL * 0.22} Z`);
  robot.appendChild(nose);
  const ANGLES = { north: -90, east: 0, south: 90, west: 180 };

  const grid = document.getElementById("maze-grid");
  const position = document.getElementById("maze-position");
  const show = (state) => {
    robot.setAttribute(
      "transform",
      `translate(${state.x * CELL + CELL / 2} ${state.y * CELL + CELL / 2}) rotate(${ANGLES[state.direction]})`
    );
    robot.classList.toggle("maze__robot--bump", state.action === "bump");
    const here = { row: state.y + 1, column: state.x + 1 };
    if (state.action === "bump") position.textContent = fill(words.bump, here);
    else if (state.x === maze.goal.x && state.y === maze.goal.y) position.textContent = words.atGoal;
    else {
      position.textContent = fill(words.position, Object.assign(here, {
        direction: words.directions[state.direction],
        goal_row: maze.goal.y + 1, goal_column: maze.goal.x + 1,
      }));
    }
    grid.textContent = maze.rows.map((row, y) => [...row].map((mark, x) => {
      if (x === state.x && y === state.y) return "R";
      if (x === maze.goal.x && y === maze.goal.y) return "F";
      return mark;
    }).join(" ")).join("\n");
  };
  const startState = Object.assign({ action: "start" }, maze.start);
  show(startState);

  // --- running: the server decides, the page replays its trace ---------------
  const result = document.getElementById("result");
  const runButton = document.getElementById("run");
  const resetButton = document.getElementById("reset");
  let timer = null;
  let running = false; // not `disabled`: that would throw the keyboard focus away
  const stop = () => {
    if (timer) window.clearTimeout(timer);
    timer = null;
    position.setAttribute("aria-busy", "false");
    workspace.highlightBlock(null);
  };
  const showResult = (verdict) => {
    result.replaceChildren();
    result.className = `puzzle-result alert alert--${verdict.solved ? "success" : verdict.status === "rejected" ? "error" : "warning"}`;
    const message = document.createElement("p");
    message.textContent = verdict.message;
    result.appendChild(message);
    if (verdict.solved) {
      const stars = document.createElement("p");
      stars.className = "puzzle-stars";
      stars.dataset.stars = verdict.stars;
      const drawn = document.createElement("span");
      drawn.setAttribute("aria-hidden", "true");
      drawn.textContent = "★".repeat(verdict.stars) + "☆".repeat(3 - verdict.stars);
      const spoken = document.createElement("span");
      spoken.textContent = verdict.stars === 1 ? words.star1 : fill(words.stars, { stars: verdict.stars });
      spoken.className = "puzzle-stars__text";
      stars.append(drawn, " ", spoken);
      result.appendChild(stars);
      const count = document.createElement("p");
      count.textContent = fill(words.blockCount, { count: verdict.block_count, ideal: verdict.ideal_block_count });
      result.appendChild(count);
    }
  };
  const replay = (verdict) => {
    const trace = verdict.trace || [];
    if (reducedMotion.matches || !trace.length) {
      show(trace.length ? trace[trace.length - 1] : startState);
      showResult(verdict);
      running = false;
      return;
    }
    let index = 0;
    // Screen readers hear where the robot ends, not every step on the way.
    position.setAttribute("aria-busy", "true");
    const next = () => {
      const state = trace[index];
      show(state);
      if (state.block) workspace.highlightBlock(state.block);
      index += 1;
      if (index < trace.length) timer = window.setTimeout(next, STEP_MS);
      else {
        timer = null;
        position.setAttribute("aria-busy", "false");
        workspace.highlightBlock(null);
        showResult(verdict);
        running = false;
      }
    };
    next();
  };
  const csrf = document.querySelector("[name=csrfmiddlewaretoken]").value;
  runButton.addEventListener("click", async () => {
    if (running) return;
    stop();
    show(startState);
    running = true;
    result.className = "puzzle-result";
    result.textContent = words.running;
    try {
      const response = await fetch(level.checkUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
        body: JSON.stringify({
          program: Blockly.serialization.workspaces.save(workspace),
          // One key per run: a retry of the same run counts once on the server.
          idempotency_key: window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()),
        }),
        credentials: "same-origin",
      });
      const verdict = await response.json();
      replay(verdict);
    } catch (error) {
      showResult({ solved: false, status: "rejected", message: words.error });
      running = false;
    }
  });
  resetButton.addEventListener("click", () => {
    stop();
    show(startState);
    result.className = "puzzle-result";
    result.textContent = "";
    running = false;
  });
})();
