// Seed 003: "drm/scheduler: use dma-fence annotations in tdr work" (RFC, 2020): the timeout
// handler runs inside a fence signalling section and takes locks that others hold around
// dma_fence_wait().
export const DRM_SCHED_TDR = `// drm scheduler timeout handler vs dma_fence signalling (seed 003, simplified).
// The tdr work is a fence signalling section: the job's fences signal only once
// it is done. It takes the modeset lock; an atomic commit holds that lock and
// waits for a fence, which (lockdep's model) waits for every signalling section.
struct mutex crtc->mutex;
DECLARE_WORK(sched->work_tdr, drm_sched_job_timedout);

void amdgpu_job_timedout(void) {
  mutex_lock(&crtc->mutex);               // drm_modeset_lock, for a display reset
  mutex_unlock(&crtc->mutex);
}

void drm_sched_job_timedout(void) {
  dma_fence_begin_signalling();
  amdgpu_job_timedout();                  // sched->ops->timedout_job
  dma_fence_end_signalling();
}

thread drm_sched_main {
  queue_work(&sched->work_tdr);           // drm_sched_start_timeout
}

void drm_atomic_helper_wait_for_fences(void) {
  dma_fence_wait(fence);
}

thread drm_atomic_commit {
  mutex_lock(&crtc->mutex);
  drm_atomic_helper_wait_for_fences();
  mutex_unlock(&crtc->mutex);
}
`;
