export const RWSEM = `// A reader takes the rw_semaphore twice. Between the two, a writer queues up, and
// rw_semaphores are fair: the second down_read waits behind the writer, which waits
// for the first reader.
DECLARE_RWSEM(mm->mmap_sem);

thread reader {
  down_read(&mm->mmap_sem);
  down_read(&mm->mmap_sem);
  up_read(&mm->mmap_sem);
  up_read(&mm->mmap_sem);
}

thread writer {
  down_write(&mm->mmap_sem);
  up_write(&mm->mmap_sem);
}
`;
