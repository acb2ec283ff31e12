import SchemesPage from './SchemesPage';
import './org-rating.css';

/** The 评定方案 menu entry. */
export default function SchemesModule() {
  return <SchemesPage />;
}
