import { Route, Routes } from 'react-router';
import VenueCalendarPage from './VenueCalendarPage';

/** /venues/calendar (the first venue in scope) and /venues/calendar/:venueId. */
export default function VenueCalendarModule() {
  return (
    <Routes>
      <Route index element={<VenueCalendarPage />} />
      <Route path=":venueId" element={<VenueCalendarPage />} />
    </Routes>
  );
}
