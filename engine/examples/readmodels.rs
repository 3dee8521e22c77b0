use engine::{Session, World};
use std::time::Instant;
fn main() {
    let mut s = Session::new(World::new());
    for i in 0..1000 {
        s.run(&format!("git commit --allow-empty -m 'Commit {i}'"));
    }
    let w = s.world();
    let t = |name: &str, f: &dyn Fn()| {
        let t0 = Instant::now();
        for _ in 0..20 {
            f();
        }
        println!("{name}: {:.3} ms", t0.elapsed().as_secs_f64() * 1000.0 / 20.0);
    };
    t("workflow", &|| {
        std::hint::black_box(engine::view::forms::workflow(w));
    });
    t("environments", &|| {
        std::hint::black_box(engine::view::environments::environments(w));
    });
    t("profiles", &|| {
        std::hint::black_box(engine::view::profiles::profiles(w));
    });
    t("pulls", &|| {
        std::hint::black_box(engine::view::pulls::pulls(w));
    });
    t("files", &|| {
        std::hint::black_box(engine::view::files::files(w));
    });
    t("layout", &|| {
        std::hint::black_box(engine::view::graph::world_layout(w));
    });
    t("walk", &|| {
        let r = w.local().unwrap();
        let tips: Vec<&str> = r.branches.values().map(String::as_str).collect();
        std::hint::black_box(engine::git::date_order_borrowed(r, &tips));
    });
    t("plain layout", &|| {
        std::hint::black_box(engine::view::graph::layout(w.local().unwrap()));
    });
    t("toolbar", &|| {
        std::hint::black_box(engine::view::toolbar(&s));
    });
    let mut s = s;
    let t0 = Instant::now();
    for i in 0..20 {
        std::hint::black_box(s.run(&format!("git commit --allow-empty -m 'More {i}'")));
    }
    println!("run: {:.3} ms", t0.elapsed().as_secs_f64() * 1000.0 / 20.0);
}
