// The wasm's code split by where it comes from — the engine, Leptos and its
// router, the page's own views, Rust's std, wasm-bindgen, gloo — as twiggy's
// `top` would list it, summed per crate. Reads a build that kept its names
// (wasm-bindgen --keep-debug, then wasm-opt -Oz -g: the same optimisation
// the shipped file gets, with the name section left in).
//
//   node scripts/wasm-split.mjs NAMED.wasm [SHIPPED.wasm]
//
// Each part is also brotli-compressed on its own (its functions' bodies
// together), which is near its share of the shipped file; SHIPPED's whole
// brotli size is printed beside them.
import fs from 'node:fs';
import zlib from 'node:zlib';

const [named, shipped] = process.argv.slice(2);
if (!named) {
  console.error('usage: node scripts/wasm-split.mjs NAMED.wasm [SHIPPED.wasm]');
  process.exit(2);
}

/** Each function body's size with its name, and the data segments' size. */
function functions(bytes) {
  let p = 8;
  const leb = () => {
    let r = 0, shift = 0, x;
    do { x = bytes[p++]; r += (x & 0x7f) * 2 ** shift; shift += 7; } while (x & 0x80);
    return r;
  };
  const skipName = () => { const l = leb(); p += l; };
  let imported = 0, data = null;
  const sizes = [], names = new Map();
  while (p < bytes.length) {
    const id = bytes[p++], len = leb(), end = p + len;
    if (id === 2) {
      // Imported functions come first in the function index space.
      for (let n = leb(); n > 0; n--) {
        skipName(); skipName();
        const kind = bytes[p++];
        if (kind === 0) { leb(); imported++; }
        else if (kind === 1) { p++; if (bytes[p++] & 1) { leb(); } leb(); }
        else if (kind === 2) { if (bytes[p++] & 1) { leb(); } leb(); }
        else { p += 2; }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) { const l = leb(); sizes.push([p, l]); p += l; }
    } else if (id === 11) {
      data = bytes.subarray(p, end);
    } else if (id === 0) {
      const l = leb();
      const section = bytes.subarray(p, p + l).toString();
      p += l;
      while (section === 'name' && p < end) {
        const sub = bytes[p++], subLen = leb(), subEnd = p + subLen;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const index = leb(), nl = leb();
            names.set(index, bytes.subarray(p, p + nl).toString());
            p += nl;
          }
        }
        p = subEnd;
      }
    }
    p = end;
  }
  const list = sizes.map(([at, size], i) => ({ size, body: bytes.subarray(at, at + size), name: names.get(i + imported) ?? '' }));
  return { list, data: data ?? new Uint8Array() };
}

const LEPTOS = /^(leptos\w*|tachys|reactive_graph|reactive_stores|any_spawner|server_fn|throw_error|or_poisoned|either_of|hydration_context|next_tuple|oco_ref|slotmap|send_wrapper|futures\w*|pin_project\w*|guardian|rustc_hash|indexmap|async_lock|event_listener\w*|wasm_streams|tracing\w*)$/;
const STD = /^(core|alloc|std|dlmalloc|compiler_builtins|hashbrown|str|char|u8|\[T\]|memchr)$/;

/** The crate a function belongs to: its path's first name; for `<T as
 *  Trait>::f` with T a type parameter, the trait's; drop glue, its type's. */
function crateOf(name) {
  const n = name.replace(/\[[0-9a-f]{16}\]/g, '');
  const drop = n.match(/^core::ptr::drop_in_place<&?(?:mut )?(\w+)::/);
  if (drop) return drop[1];
  const generic = n.match(/^<&?(?:mut )?[A-Z]\w* as (\w+)::/);
  if (generic) return generic[1];
  if (/^<&?(?:mut )?(str|bool|char|[iu](8|16|32|64|128|size)|f32|f64)\b/.test(n) || n.startsWith('__rustc')) return 'core';
  // wasm-bindgen's generated shims; wasm-streams' exports (server_fn's, in Leptos).
  if (/externref|^__wbindgen|^__wbg/.test(n)) return 'wasm_bindgen';
  if (/^intounderlying/.test(n)) return 'wasm_streams';
  const inner = n.match(/^<&?(?:mut )?\[?(\w+)(?:::|>|\])/);
  if (inner) return inner[1];
  const plain = n.match(/^(\w+)::/);
  return plain ? plain[1] : '(unnamed)';
}

function group(crate) {
  if (crate === 'engine') return 'engine (git, servers, lessons: the rules)';
  if (crate === 'branch_to_prod') return 'views (src/: pages, panels)';
  if (LEPTOS.test(crate)) return 'leptos + leptos_router (and their deps)';
  if (/^gloo/.test(crate)) return 'gloo';
  if (/^(wasm_bindgen\w*|js_sys|web_sys)$/.test(crate)) return 'wasm-bindgen, js-sys, web-sys';
  if (/^(serde\w*|ryu|itoa)$/.test(crate)) return 'serde, serde_json';
  if (STD.test(crate)) return "Rust's std (alloc, fmt, collections)";
  return 'other';
}

const squeeze = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const { list, data } = functions(fs.readFileSync(named));
const code = list.reduce((a, f) => a + f.size, 0);
const groups = new Map();
for (const f of list) {
  const g = group(crateOf(f.name));
  const entry = groups.get(g) ?? { size: 0, bodies: [] };
  entry.size += f.size;
  entry.bodies.push(f.body);
  groups.set(g, entry);
}
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const whole = shipped ? `; the shipped wasm is ${kb(squeeze(fs.readFileSync(shipped)))} brotli` : '';
console.log(`wasm split: ${list.length} functions, ${kb(code)} of code${whole}`);
console.log(`  ${'part'.padEnd(44)} ${'code'.padStart(10)} ${'share'.padStart(6)} ${'brotli'.padStart(10)}`);
for (const [g, { size, bodies }] of [...groups].sort((a, b) => b[1].size - a[1].size)) {
  const share = `${(100 * size / code).toFixed(1)}%`;
  console.log(`  ${g.padEnd(44)} ${kb(size).padStart(10)} ${share.padStart(6)} ${kb(squeeze(Buffer.concat(bodies))).padStart(10)}`);
}
console.log(`  ${'data (string constants, tables)'.padEnd(44)} ${kb(data.length).padStart(10)} ${''.padStart(6)} ${kb(squeeze(data)).padStart(10)}`);
console.log('  (twiggy-style shallow sizes per function, summed by crate; a generic counts for the crate that defines it)');
