//! Cycles in the graph of which file refers to which.

use std::collections::{BTreeSet, HashMap};

use super::references::{References, SourceFile};

/// The groups of files that refer to each other in a cycle (strongly connected, two files or
/// more), each sorted, once references between a parent module's file and its own children's
/// files are set aside: re-exports one way and `super::` the other are how modules are built.
pub(super) fn cycles(references: &References) -> Vec<BTreeSet<SourceFile>> {
    let index: HashMap<&str, usize> = references
        .files
        .iter()
        .enumerate()
        .map(|(n, file)| (file.as_str(), n))
        .collect();
    let is_parent_and_child = |a: &str, b: &str| {
        references.parent_of(a).is_some_and(|parent| parent == b)
            || references.parent_of(b).is_some_and(|parent| parent == a)
    };
    let edges: Vec<Vec<usize>> = references
        .files
        .iter()
        .map(|file| {
            references.refers_to[file]
                .keys()
                .filter(|target| !is_parent_and_child(file, target))
                .map(|target| index[target.as_str()])
                .collect()
        })
        .collect();
    strongly_connected(&edges)
        .into_iter()
        .filter(|component| component.len() > 1)
        .map(|component| {
            component
                .into_iter()
                .map(|n| references.files[n].clone())
                .collect()
        })
        .collect()
}

/// Tarjan's algorithm, without recursion: the strongly connected components of a graph given
/// as each node's successors.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let count = edges.len();
    let mut order = vec![usize::MAX; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack = Vec::new();
    let mut components = Vec::new();
    let mut next = 0;
    for start in 0..count {
        if order[start] != usize::MAX {
            continue;
        }
        // (node, index of the next successor to visit)
        let mut path = vec![(start, 0)];
        order[start] = next;
        low[start] = next;
        next += 1;
        stack.push(start);
        on_stack[start] = true;
        while let Some(&mut (node, ref mut successor)) = path.last_mut() {
            if let Some(&target) = edges[node].get(*successor) {
                *successor += 1;
                if order[target] == usize::MAX {
                    order[target] = next;
                    low[target] = next;
                    next += 1;
                    stack.push(target);
                    on_stack[target] = true;
                    path.push((target, 0));
                } else if on_stack[target] {
                    low[node] = low[node].min(order[target]);
                }
                continue;
            }
            path.pop();
            if let Some(&(parent, _)) = path.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                components.push(component);
            }
        }
    }
    components
}
