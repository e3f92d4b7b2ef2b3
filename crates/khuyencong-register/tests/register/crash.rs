//! Nothing lost: a process killed in the middle of a batch leaves the register as it was
//! before the batch, and several processes adding at once all get in.
//!
//! The adding process is this test binary again, running the ignored test `child_adds`
//! (which does nothing unless the parent sets its environment).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use khuyencong_register::{Register, Submission};
use serde_json::json;

use crate::common::*;

const CHILD_TARGET: &str = "KC_CHILD_TARGET";
const CHILD_DIR: &str = "KC_CHILD_DIR";
const CHILD_PAUSE_MS: &str = "KC_CHILD_PAUSE_MS";

/// The adding process: adds every file of `KC_CHILD_DIR` (in name order) in one batch,
/// printing `stored N` after each and pausing `KC_CHILD_PAUSE_MS` inside the transaction.
#[test]
#[ignore = "run by the tests below as a separate process"]
fn child_adds() {
    let (Ok(target), Ok(dir)) = (std::env::var(CHILD_TARGET), std::env::var(CHILD_DIR)) else {
        return;
    };
    let pause: u64 = std::env::var(CHILD_PAUSE_MS)
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let data: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|p| {
            (
                p.to_string_lossy().into_owned(),
                std::fs::read(p).expect("file"),
            )
        })
        .collect();
    let subs: Vec<Submission<'_>> = data.iter().map(|(n, b)| Submission::new(n, b)).collect();
    let mut r = Register::open(&target).expect("open");
    r.add(&subs, &mut |i, _| {
        println!("stored {}", i + 1);
        std::thread::sleep(Duration::from_millis(pause));
    })
    .expect("add");
    println!("committed");
}

fn child(target: &str, dir: &std::path::Path, pause_ms: u64) -> Command {
    let mut c = Command::new(std::env::current_exe().expect("test binary"));
    c.args([
        "--ignored",
        "--exact",
        "crash::child_adds",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_TARGET, target)
    .env(CHILD_DIR, dir)
    .env(CHILD_PAUSE_MS, pause_ms.to_string())
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    c
}

/// `n` scheme documents `prefix-0`… with the given title, in a new directory.
fn batch_dir(prefix: &str, n: usize, title: &str) -> tempdir::Dir {
    let dir = tempdir::Dir::new(prefix);
    for i in 0..n {
        let mut s = example_json("scheme-long-an-2018.json");
        s["id"] = json!(format!("{prefix}-{i}"));
        s["title"] = json!(title);
        std::fs::write(dir.path.join(format!("{i:03}.json")), bytes(&s)).expect("write");
    }
    dir
}

mod tempdir {
    pub struct Dir {
        pub path: std::path::PathBuf,
    }
    impl Dir {
        pub fn new(prefix: &str) -> Self {
            let path = std::env::temp_dir().join(format!(
                "kc_batch_{prefix}_{}_{}",
                std::process::id(),
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos())
            ));
            std::fs::create_dir_all(&path).expect("dir");
            Self { path }
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

#[test]
fn a_process_killed_in_the_middle_of_a_batch_leaves_the_register_as_before() {
    for target in targets() {
        let mut r = Register::create(&target.url).expect("create");
        add_examples(&mut r);
        let before = export(&mut r);
        drop(r);
        let dir = batch_dir("killed", 10, "Đề án lô bị ngắt");
        let mut process = child(&target.url, &dir.path, 300).spawn().expect("spawn");
        let stdout = process.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        // Wait until three documents are written inside the open transaction, then kill.
        let mut stored = 0;
        for line in lines.by_ref() {
            if line.expect("line").starts_with("stored ") {
                stored += 1;
                if stored == 3 {
                    break;
                }
            }
        }
        assert_eq!(stored, 3, "the adding process did not get going");
        process.kill().expect("kill");
        let status = process.wait().expect("wait");
        assert!(!status.success());
        // As before the batch, exactly; and the register takes the next batch.
        let mut r = Register::open(&target.url).expect("open after the crash");
        assert_eq!(export(&mut r), before, "{}", target.url);
        let dir = batch_dir("after", 2, "Đề án sau sự cố");
        let status = child(&target.url, &dir.path, 0).status().expect("run");
        assert!(status.success());
        let n = r.sql("SELECT COUNT(*) AS n FROM documents").expect("count");
        assert_eq!(texts(&n, "n"), vec![Some("7".to_owned())]);
    }
}

#[test]
fn several_processes_adding_at_once_all_get_in_with_consistent_versions() {
    for target in targets() {
        Register::create(&target.url).expect("create");
        // Four writers: each adds 6 documents of its own and 6 shared ids with its own
        // title, so the shared documents get one version per writer.
        let dirs: Vec<_> = (0..4)
            .map(|w| {
                let own = batch_dir(&format!("own{w}"), 6, "riêng");
                for i in 0..6 {
                    let mut s = example_json("scheme-long-an-2018.json");
                    s["id"] = json!(format!("shared-{i}"));
                    s["title"] = json!(format!("phiên bản của tiến trình {w}"));
                    std::fs::write(own.path.join(format!("shared-{i}.json")), bytes(&s))
                        .expect("write");
                }
                own
            })
            .collect();
        let mut processes: Vec<_> = dirs
            .iter()
            .map(|d| {
                child(&target.url, &d.path, 5)
                    .stdout(Stdio::null())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for p in &mut processes {
            assert!(
                p.wait().expect("wait").success(),
                "a writer failed on {}",
                target.url
            );
        }
        let mut r = Register::open(&target.url).expect("open");
        let n = r.sql("SELECT COUNT(*) AS n FROM documents").expect("count");
        assert_eq!(texts(&n, "n"), vec![Some("48".to_owned())]);
        // Each shared document: versions 1–4, one current, each superseded by the next.
        for i in 0..6 {
            let v = r
                .sql(&format!(
                    "SELECT d.version, v.is_current, (SELECT s.version FROM documents s WHERE s.id = d.superseded_by) AS next FROM documents d JOIN v_documents v ON v.id = d.id WHERE d.doc_id = 'shared-{i}' ORDER BY d.version"
                ))
                .expect("versions");
            assert_eq!(
                rows(&v),
                vec![
                    json!({"version": "1", "is_current": "0", "next": "2"}),
                    json!({"version": "2", "is_current": "0", "next": "3"}),
                    json!({"version": "3", "is_current": "0", "next": "4"}),
                    json!({"version": "4", "is_current": "1", "next": null}),
                ],
                "shared-{i} on {}",
                target.url
            );
        }
        // Each batch went in whole: its documents are contiguous in one batch.
        let b = r
            .sql("SELECT COUNT(DISTINCT batch) AS n FROM documents")
            .expect("batches");
        assert_eq!(texts(&b, "n"), vec![Some("4".to_owned())]);
    }
}
