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
  Blockly.Msg.HELP_PROMPT = words.helpPrompt;
  new KeyboardNavigation(workspace);
  // Dropping a block on the column of blocks on offer (the flyout) deletes it:
  // that is how a finger or a mouse throws a block away. A block added with
  // the keyboard is dropped where the plugin's move ends, reckoned as if a
  // pointer were there, and with the wider German blocks that point fell on
  // the column: the child's new block was connected, then deleted. After a
  // key, the column deletes nothing (the Delete key does that).
  let lastInput = "pointer";
  document.addEventListener("pointerdown", () => { lastInput = "pointer"; }, true);
  document.addEventListener("keydown", () => { lastInput = "keyboard"; }, true);
  const flyout = workspace.getFlyout();
  const flyoutWouldDelete = flyout.wouldDelete.bind(flyout);
  flyout.wouldDelete = (element) => lastInput !== "keyboard" && flyoutWouldDelete(element);
  // The plugin's own list of keys is English only and wider than a phone:
  // "/" opens the page's translated list (#keys-help) instead.
  const keysHelp = document.getElementById("keys-help");
  Blockly.ShortcutRegistry.registry.unregister("list_shortcuts");
  Blockly.ShortcutRegistry.registry.register({
    name: "list_shortcuts",
    keyCodes: [Blockly.utils.KeyCodes.SLASH],
    callback: () => {
      if (!keysHelp.open) keysHelp.showModal();
      return true;
    },
  });
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
  // A little of the world's theme on the walls (flowers, waves, stones, stars).
  const theme = (document.getElementById("puzzle").className.match(/puzzle--(\w+)/) || [])[1];
  const DECO = {
    garden: (x, y) => element("circle", { cx: x + 10, cy: y + 10, r: 3, fill: "#f4a6c1", class: "maze__deco" }),
    beach: (x, y) => element("path", {
      d: `M ${x + 6} ${y + 18} q 5 -5 10 0 t 10 0`, stroke: "#9fd3f0", "stroke-width": 2, fill: "none", class: "maze__deco",
    }),
    cave: (x, y) => element("circle", { cx: x + 22, cy: y + 20, r: 4, fill: "#6b574a", class: "maze__deco" }),
    space: (x, y) => element("circle", { cx: x + 8 + ((x + y) % 16), cy: y + 12, r: 1.5, fill: "#ffffff", class: "maze__deco" }),
  };
  if (DECO[theme]) {
    maze.rows.forEach((row, y) =>
      [...row].forEach((mark, x) => {
        if (mark === "#" && (x + 2 * y) % 3 === 0) DECO[theme](x * CELL, y * CELL);
      })
    );
  }
  // The flag: a pole and a red cloth.
  const fx = maze.goal.x * CELL;
  const fy = maze.goal.y * CELL;
  element("line", { x1: fx + 11, y1: fy + 5, x2: fx + 11, y2: fy + 28, class: "maze__flag-pole" });
  element("path", { d: `M ${fx + 12} ${fy + 5} L ${fx + 26} ${fy + 10} L ${fx + 12} ${fy + 16} Z`, class: "maze__flag-cloth" });

  // Pip, seen from above: the arrow turns with Pip and the eyes look the same
  // way, so a child sees where "forward" is.
  const part = (parent, name, attributes) => {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
    parent.appendChild(node);
    return node;
  };
  const robot = element("g", { class: "maze__robot", "aria-hidden": "true" });
  const turning = part(robot, "g", {});
  part(turning, "path", { d: `M ${CELL * 0.3} ${-CELL * 0.18} L ${CELL * 0.48} 0 L ${CELL * 0.3} ${CELL * 0.18} Z`, class: "pip-arrow" });
  part(robot, "line", { x1: 0, y1: -CELL * 0.3, x2: 0, y2: -CELL * 0.44, class: "pip-antenna" });
  part(robot, "circle", { cx: 0, cy: -CELL * 0.45, r: 2.5, class: "pip-ball" });
  part(robot, "rect", { x: -CELL * 0.3, y: -CELL * 0.3, width: CELL * 0.6, height: CELL * 0.6, rx: 6, class: "pip-body" });
  part(robot, "rect", { x: -CELL * 0.22, y: -CELL * 0.2, width: CELL * 0.44, height: CELL * 0.36, rx: 4, class: "pip-screen" });
  const eyes = part(robot, "g", {});
  part(eyes, "circle", { cx: -CELL * 0.1, cy: -CELL * 0.03, r: 2.6, class: "pip-eye" });
  part(eyes, "circle", { cx: CELL * 0.1, cy: -CELL * 0.03, r: 2.6, class: "pip-eye" });
  const ANGLES = { north: -90, east: 0, south: 90, west: 180 };
  const LOOK = { north: [0, -2], east: [2, 0], south: [0, 2], west: [-2, 0] };

  const grid = document.getElementById("maze-grid");
  const position = document.getElementById("maze-position");
  const show = (state) => {
    robot.setAttribute("transform", `translate(${state.x * CELL + CELL / 2} ${state.y * CELL + CELL / 2})`);
    turning.setAttribute("transform", `rotate(${ANGLES[state.direction]})`);
    eyes.setAttribute("transform", `translate(${LOOK[state.direction].join(" ")})`);
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
  const puzzle = document.getElementById("puzzle");
  // While the program runs the maze is pinned above the blocks (CSS), and
  // brought into view when the page was scrolled past it.
  const setRunning = (value) => {
    running = value;
    puzzle.classList.toggle("puzzle--running", value);
    if (value) {
      const box = svg.getBoundingClientRect();
      if (box.top < 0 || box.bottom > window.innerHeight) {
        svg.scrollIntoView({ block: "nearest", behavior: reducedMotion.matches ? "auto" : "smooth" });
      }
    }
  };
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
      setRunning(false);
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
        setRunning(false);
      }
    };
    next();
  };
  const csrf = document.querySelector("[name=csrfmiddlewaretoken]").value;
  runButton.addEventListener("click", async () => {
    if (running) return;
    stop();
    show(startState);
    setRunning(true);
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
      setRunning(false);
    }
  });
  resetButton.addEventListener("click", () => {
    stop();
    show(startState);
    result.className = "puzzle-result";
    result.textContent = "";
    setRunning(false);
  });
})();
