//! Bounded concurrency for API clients: run a task over many items, at most `limit` at a
//! time, with the results in the items' order (file reads, thread writes).

use std::future::Future;

use futures_util::StreamExt;

/// Runs `task` over `items`, at most `limit` at a time, results in order.
pub(crate) async fn bounded<I, T, F, Fut>(items: I, limit: usize, task: F) -> Vec<T>
where
    I: IntoIterator,
    F: FnMut(I::Item) -> Fut,
    Fut: Future<Output = T>,
{
    futures_util::stream::iter(items)
        .map(task)
        .buffered(limit.max(1))
        .collect()
        .await
}
