// The app's top-level pages, in tab order. A page is a component that fills the area under the
// header; the active one is `page` in the view slice, so the API and links can switch pages too.
import type { ComponentType } from 'react';
import type { PageId } from '../store/view-slice';
import { LessonsPage } from '../lessons/LessonsPage';
import { ReportPage } from './ReportPage';
import { SimulatorPage } from '../components/Simulator/SimulatorPage';

export interface PageEntry {
  id: PageId;
  label: string;
  Component: ComponentType;
}

export const PAGES: readonly PageEntry[] = [
  { id: 'report', label: 'Report', Component: ReportPage },
  { id: 'simulator', label: 'Simulator', Component: SimulatorPage },
  { id: 'lessons', label: 'Lessons', Component: LessonsPage },
];
